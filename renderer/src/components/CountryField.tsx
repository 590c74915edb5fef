import { forwardRef, useEffect, useId, useState } from 'react';
import { useFormats } from '../lib/format';
import { FieldShell } from './Field';

interface Props {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  /** An ISO 3166-1 alpha-2 code, or '' for none. */
  value: string;
  onChange: (code: string) => void;
  onBlur?: () => void;
  name?: string;
}

/**
 * A country typed and picked by its name in the interface language (input + datalist, usable
 * from the keyboard), holding its ISO code. Text that names no country is kept as typed, so
 * the schema reports it ("choose one of the options") instead of it vanishing.
 */
export const CountryField = forwardRef<HTMLInputElement, Props>(function CountryField({ label, hint, error, value, onChange, onBlur, name }, ref) {
  const { countries, country } = useFormats();
  const [text, setText] = useState(() => country(value));
  const listId = useId();

  // Follow the value when it changes from outside (reset, language switch).
  useEffect(() => {
    setText((current) => (codeFor(current) === value ? current : country(value)));
  }, [value, country]);

  function codeFor(typed: string): string {
    const q = typed.trim().toLocaleLowerCase();
    if (!q) return '';
    const found = countries.find((c) => c.name.toLocaleLowerCase() === q || c.code.toLowerCase() === q);
    return found ? found.code : typed;
  }

  return (
    <FieldShell label={label} hint={hint} error={error} name={name}>
      {({ id, describedBy, invalid }) => (
        <>
          <input
            ref={ref}
            id={id}
            name={name}
            list={listId}
            autoComplete="off"
            aria-describedby={describedBy}
            aria-invalid={invalid}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              onChange(codeFor(e.target.value));
            }}
            onBlur={onBlur}
          />
          <datalist id={listId}>
            {countries.map((c) => (
              <option key={c.code} value={c.name} />
            ))}
          </datalist>
        </>
      )}
    </FieldShell>
  );
});
