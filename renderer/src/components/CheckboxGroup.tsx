import { useId } from 'react';
import { useTranslation } from 'react-i18next';

interface Props<T extends string | number> {
  legend: string;
  hint?: string | undefined;
  options: readonly { value: T; label: string }[];
  value: readonly T[];
  onChange: (value: T[]) => void;
  /** A translation key (validation.*). */
  error?: string | undefined;
  /** Lays the boxes out in columns when there are many. */
  columns?: boolean;
}

/** Several choices as checkboxes in a fieldset: the legend names the group for screen readers. */
export function CheckboxGroup<T extends string | number>({ legend, hint, options, value, onChange, error, columns }: Props<T>) {
  const { t } = useTranslation();
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className="checkbox-group" aria-describedby={describedBy} aria-invalid={error ? true : undefined}>
      <legend>{legend}</legend>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <div className={columns ? 'checkbox-columns' : 'checkbox-list'}>
        {options.map((o) => (
          <label className="checkbox" key={o.value}>
            <input
              type="checkbox"
              checked={value.includes(o.value)}
              onChange={(e) => onChange(e.target.checked ? [...value, o.value] : value.filter((v) => v !== o.value))}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {t(error)}
        </p>
      )}
    </fieldset>
  );
}
