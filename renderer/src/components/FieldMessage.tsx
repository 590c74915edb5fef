import { useTranslation } from 'react-i18next';
import { useFormats } from '../lib/format';

/**
 * A field's error in the interface language. "Too long" names the limit and what the field
 * holds now, so a pasted 20,000-character text says by how much it must shrink.
 */
export function FieldMessage({ id, error, limit, length }: { id: string; error: string; limit?: number | undefined; length?: number | undefined }) {
  const { t } = useTranslation();
  const { number } = useFormats();
  const text =
    error === 'validation.tooLong' && limit !== undefined && length !== undefined
      ? t('validation.tooLongMax', { max: number(limit), length: number(length) })
      : t(error);
  return (
    <p className="field-error" id={id} role="alert">
      {text}
    </p>
  );
}

/** "1,950 / 2,000 characters", shown when a text nears its limit, in the error colour beyond it. */
export function LengthCounter({ id, length, limit }: { id: string; length: number; limit: number }) {
  const { t } = useTranslation();
  const { number } = useFormats();
  return (
    <p className={length > limit ? 'counter counter-over' : 'counter'} id={id}>
      {t('common.counter', { length: number(length), max: number(limit) })}
    </p>
  );
}
