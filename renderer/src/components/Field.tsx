import { forwardRef, useEffect, useId, useRef, useState, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useFieldRule } from '../lib/form-rules';
import { FieldMessage, LengthCounter } from './FieldMessage';

interface FieldShellProps {
  label: string;
  hint?: string | undefined;
  /** A translation key from a schema or the core (validation.* or errors.*). */
  error?: string | undefined;
  /** The form field's name: its rule (required, length limit) comes from the form's schema. */
  name?: string | undefined;
  /** Marks the field required when the schema alone cannot tell (a rule across fields). */
  required?: boolean | undefined;
  /** How many characters the control holds now, for the counter near the limit. */
  length?: number | undefined;
  /** False for a control that is a group (a date's segments): the label names it by id instead. */
  labelFor?: boolean;
  children: (ids: { id: string; labelId: string; describedBy: string | undefined; invalid: boolean; required: boolean }) => ReactNode;
}

/**
 * Label, control, hint, counter and error, wired for screen readers (aria-describedby,
 * aria-invalid, aria-required). Required fields carry a * after their label; the form says
 * once what it means (FormActions).
 */
export function FieldShell({ label, hint, error, name, required, length, labelFor = true, children }: FieldShellProps) {
  const id = useId();
  const rule = useFieldRule(name);
  const isRequired = required ?? rule.required;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const counterId = `${id}-counter`;
  const showCounter = rule.limit !== undefined && length !== undefined && length >= rule.limit * 0.8;
  const describedBy = [hintId, showCounter ? counterId : undefined, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      {/* The * stays outside the <label>: the field's name is its label alone, for people
          who find it by name (voice control, tests) as for screen readers. */}
      <div className="field-label">
        <label htmlFor={labelFor ? id : undefined} id={`${id}-label`}>
          {label}
        </label>
        {isRequired && <RequiredMark />}
      </div>
      {children({ id, labelId: `${id}-label`, describedBy, invalid: Boolean(error), required: isRequired })}
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      {showCounter && <LengthCounter id={counterId} length={length} limit={rule.limit!} />}
      {error && <FieldMessage id={errorId!} error={error} limit={rule.limit} length={length} />}
    </div>
  );
}

/**
 * The * after a required field's label. Screen readers hear aria-required on the control
 * instead; a group of checkboxes cannot carry aria-required, so its legend says it (`spoken`).
 */
export function RequiredMark({ spoken = false }: { spoken?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <span className="required-mark" aria-hidden="true">
        {' *'}
      </span>
      {spoken && <span className="visually-hidden">{` (${t('common.required')})`}</span>}
    </>
  );
}

/**
 * The length of what an uncontrolled (react-hook-form `register`) control holds: updated as
 * it is typed in, and after any render (a form reset or a restored draft sets the value
 * without an input event).
 */
function useLength<E extends HTMLInputElement | HTMLTextAreaElement>(forwarded: React.ForwardedRef<E>) {
  const own = useRef<E | null>(null);
  const [length, setLength] = useState(0);
  useEffect(() => {
    if (own.current) setLength(own.current.value.length);
  });
  const ref = (el: E | null) => {
    own.current = el;
    if (typeof forwarded === 'function') forwarded(el);
    else if (forwarded) forwarded.current = el;
  };
  return { length, ref, onInput: (e: React.FormEvent<E>) => setLength(e.currentTarget.value.length) };
}

type InputProps = InputHTMLAttributes<HTMLInputElement> & { label: string; hint?: string | undefined; error?: string | undefined };

export const TextField = forwardRef<HTMLInputElement, InputProps>(function TextField({ label, hint, error, required, onInput, ...rest }, forwarded) {
  const { length, ref, onInput: track } = useLength(forwarded);
  return (
    <FieldShell label={label} hint={hint} error={error} name={rest.name} required={required} length={length}>
      {({ id, describedBy, invalid, required: isRequired }) => (
        <input
          ref={ref}
          id={id}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          aria-required={isRequired || undefined}
          onInput={(e) => {
            track(e);
            onInput?.(e);
          }}
          {...rest}
        />
      )}
    </FieldShell>
  );
});

type SelectProps = SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  options: readonly { value: string; label: string }[];
};

export const SelectField = forwardRef<HTMLSelectElement, SelectProps>(function SelectField({ label, hint, error, options, required, ...rest }, ref) {
  return (
    <FieldShell label={label} hint={hint} error={error} name={rest.name} required={required}>
      {({ id, describedBy, invalid, required: isRequired }) => (
        <select ref={ref} id={id} aria-describedby={describedBy} aria-invalid={invalid} aria-required={isRequired || undefined} {...rest}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
});

type TextAreaProps = TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; hint?: string | undefined; error?: string | undefined };

export const TextAreaField = forwardRef<HTMLTextAreaElement, TextAreaProps>(function TextAreaField({ label, hint, error, required, onInput, ...rest }, forwarded) {
  const { length, ref, onInput: track } = useLength(forwarded);
  // Free text is written in either script whatever the interface language: dir="auto" takes
  // the direction from its first letter, so French notes in the Arabic interface read left to right.
  return (
    <FieldShell label={label} hint={hint} error={error} name={rest.name} required={required} length={length}>
      {({ id, describedBy, invalid, required: isRequired }) => (
        <textarea
          ref={ref}
          id={id}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          aria-required={isRequired || undefined}
          rows={4}
          dir="auto"
          onInput={(e) => {
            track(e);
            onInput?.(e);
          }}
          {...rest}
        />
      )}
    </FieldShell>
  );
});

type CheckboxProps = InputHTMLAttributes<HTMLInputElement> & { label: string; error?: string | undefined };

/** A single checkbox with its label after it (the label is the sentence the box agrees to). */
export const CheckboxField = forwardRef<HTMLInputElement, CheckboxProps>(function CheckboxField({ label, error, required, ...rest }, ref) {
  const id = useId();
  return (
    <div className="field">
      <label className="checkbox">
        <input ref={ref} type="checkbox" aria-invalid={Boolean(error)} aria-required={required || undefined} aria-describedby={error ? `${id}-error` : undefined} {...rest} />
        <span>
          {label}
          {required && <RequiredMark />}
        </span>
      </label>
      {error && <FieldMessage id={`${id}-error`} error={error} />}
    </div>
  );
});

