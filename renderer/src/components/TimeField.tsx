import { Time } from '@internationalized/date';
import { forwardRef, useImperativeHandle, useRef } from 'react';
import { Controller, type Control, type FieldValues, type Path } from 'react-hook-form';
import { DateInput, DateSegment, I18nProvider, TimeField as AriaTimeField } from 'react-aria-components';
import { INTL_LOCALES } from '../../../shared/domain/languages';
import { useFormats } from '../lib/format';
import type { Focusable } from './CheckboxGroup';
import { INCOMPLETE_DATE, settleSegments } from './DateField';
import { FieldShell } from './Field';

interface Props {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  /** "HH:MM", or '' for none. */
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  name?: string | undefined;
}

function toTime(value: string): Time | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
  return m ? new Time(Number(m[1]), Number(m[2])) : null;
}

/**
 * A clock time in hours and minutes, always on the 24-hour clock (as courts, prefectures and
 * the clinics write it): the browser's own time input follows the computer's locale and may
 * show 09:30 AM in a French or Arabic form. Segments as in DateField; a half-typed time is
 * given to the form as "incomplete", which the schema refuses.
 */
export const TimeField = forwardRef<Focusable, Props>(function TimeField({ label, hint, error, value, onChange, onBlur, name }, ref) {
  const { language } = useFormats();
  const group = useRef<HTMLDivElement | null>(null);
  useImperativeHandle(ref, () => ({ focus: () => group.current?.querySelector<HTMLElement>('[role="spinbutton"]')?.focus() }), []);

  function leave() {
    settleSegments(group.current, value, onChange);
    onBlur?.();
  }

  return (
    <FieldShell label={label} hint={hint} error={error} name={name} labelFor={false}>
      {({ labelId, describedBy, invalid, required }) => (
        <I18nProvider locale={INTL_LOCALES[language]}>
          <AriaTimeField
            className="date-field"
            value={toTime(value)}
            onChange={(t) => onChange(t ? `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}` : INCOMPLETE_DATE)}
            onBlur={leave}
            hourCycle={24}
            granularity="minute"
            shouldForceLeadingZeros
            isInvalid={invalid}
            isRequired={required}
            validationBehavior="aria"
            aria-labelledby={labelId}
            aria-describedby={describedBy}
          >
            {/* Hours before minutes, left to right, in Arabic too (as Intl writes 09:30 in ar-MA). */}
            <DateInput className="date-input time-input" dir="ltr" ref={group}>
              {(segment) => <DateSegment className="date-segment" segment={segment} />}
            </DateInput>
          </AriaTimeField>
        </I18nProvider>
      )}
    </FieldShell>
  );
});

/** A TimeField bound to a react-hook-form field. */
export function FormTimeField<T extends FieldValues, U = T>({ control, name, label, hint }: { control: Control<T, unknown, U>; name: Path<T>; label: string; hint?: string }) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <TimeField
          ref={field.ref}
          label={label}
          hint={hint}
          name={field.name}
          value={typeof field.value === 'string' ? field.value : ''}
          onChange={field.onChange}
          onBlur={field.onBlur}
          error={fieldState.error?.message}
        />
      )}
    />
  );
}
