import { forwardRef, useId, useImperativeHandle, useRef } from 'react';
import { useFieldRule } from '../lib/form-rules';
import { RequiredMark } from './Field';
import { FieldMessage } from './FieldMessage';

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
  /** The form field's name: a group whose schema refuses [] is marked required. */
  name?: string | undefined;
}

/** What the form library may do with the group: focus its first box when it is in error. */
export interface Focusable {
  focus: () => void;
}

/** Several choices as checkboxes in a fieldset: the legend names the group for screen readers. */
function CheckboxGroupInner<T extends string | number>(
  { legend, hint, options, value, onChange, error, columns, name }: Props<T>,
  ref: React.ForwardedRef<Focusable>,
) {
  const id = useId();
  const rule = useFieldRule(name);
  const first = useRef<HTMLInputElement | null>(null);
  useImperativeHandle(ref, () => ({ focus: () => first.current?.focus() }), []);
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset
      className="checkbox-group"
      aria-describedby={describedBy}
      aria-invalid={error ? true : undefined}
    >
      <legend>
        {legend}
        {rule.required && <RequiredMark spoken />}
      </legend>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <div className={columns ? 'checkbox-columns' : 'checkbox-list'}>
        {options.map((o, i) => (
          <label className="checkbox" key={o.value}>
            <input
              ref={i === 0 ? first : undefined}
              type="checkbox"
              checked={value.includes(o.value)}
              onChange={(e) => onChange(e.target.checked ? [...value, o.value] : value.filter((v) => v !== o.value))}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      {error && <FieldMessage id={`${id}-error`} error={error} />}
    </fieldset>
  );
}

export const CheckboxGroup = forwardRef(CheckboxGroupInner) as <T extends string | number>(
  props: Props<T> & { ref?: React.Ref<Focusable> },
) => ReturnType<typeof CheckboxGroupInner>;
