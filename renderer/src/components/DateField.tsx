import { parseDate, type CalendarDate } from '@internationalized/date';
import { forwardRef, useImperativeHandle, useRef } from 'react';
import { Controller, type Control, type FieldValues, type Path } from 'react-hook-form';
import { DateField as AriaDateField, DateInput, DateSegment, I18nProvider } from 'react-aria-components';
import { INTL_LOCALES } from '../../../shared/domain/languages';
import { useFormats } from '../lib/format';
import type { Focusable } from './CheckboxGroup';
import { FieldShell } from './Field';


/** What the form holds for a date that was begun but not finished: the schema refuses it. */
export const INCOMPLETE_DATE = 'incomplete';

interface Props {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  /** YYYY-MM-DD, or '' for none. */
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  name?: string | undefined;
}

function toCalendarDate(value: string): CalendarDate | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  try {
    return parseDate(value);
  } catch {
    return null;
  }
}

/**
 * When a segmented field (date or time) is left: some segments typed and others not is
 * INCOMPLETE_DATE, which the schema refuses; all cleared after that is '' again.
 */
export function settleSegments(group: HTMLElement | null, value: string, onChange: (value: string) => void): void {
  const segments = group ? [...group.querySelectorAll('[role="spinbutton"]')] : [];
  const blank = segments.filter((s) => s.hasAttribute('data-placeholder')).length;
  if (blank > 0 && blank < segments.length) onChange(INCOMPLETE_DATE);
  else if (blank === segments.length && value === INCOMPLETE_DATE) onChange('');
}

/**
 * A calendar date typed day, month and year in their own segments (react-aria's date field:
 * arrow keys, typing, screen-reader names for each part), in the interface language's order.
 * A date left half-typed is not dropped silently: the form gets INCOMPLETE_DATE and says so.
 */
export const DateField = forwardRef<Focusable, Props>(function DateField({ label, hint, error, value, onChange, onBlur, name }, ref) {
  // The interface language's locale (INTL_LOCALES): day first in all three, whatever the
  // browser's or the system's locale — a Moroccan reads 02/12 as 2 December.
  const { language } = useFormats();
  const group = useRef<HTMLDivElement | null>(null);
  useImperativeHandle(ref, () => ({ focus: () => group.current?.querySelector<HTMLElement>('[role="spinbutton"]')?.focus() }), []);
  const date = toCalendarDate(value);

  function leave() {
    settleSegments(group.current, value, onChange);
    onBlur?.();
  }

  return (
    <FieldShell label={label} hint={hint} error={error} name={name} labelFor={false}>
      {({ labelId, describedBy, invalid, required }) => (
        <I18nProvider locale={INTL_LOCALES[language]}>
          <AriaDateField
            className="date-field"
            value={date}
            // null while a segment is empty: the form holds "incomplete" until the field is left
            // (leave() then tells a cleared field from a half-typed one).
            onChange={(d) => onChange(d ? d.toString() : INCOMPLETE_DATE)}
            onBlur={leave}
            granularity="day"
            shouldForceLeadingZeros
            isInvalid={invalid}
            isRequired={required}
            validationBehavior="aria"
            aria-labelledby={labelId}
            aria-describedby={describedBy}
          >
            <DateInput className="date-input" ref={group}>
              {(segment) => <DateSegment className="date-segment" segment={segment} />}
            </DateInput>
          </AriaDateField>
        </I18nProvider>
      )}
    </FieldShell>
  );
});

/** A DateField bound to a react-hook-form field (error and focus included). */
export function FormDateField<T extends FieldValues, U = T>({ control, name, label, hint }: { control: Control<T, unknown, U>; name: Path<T>; label: string; hint?: string }) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <DateField
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
