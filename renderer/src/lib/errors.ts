import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { TFunction } from 'i18next';
import { ApiError } from './api';

/** Translates a core error into a sentence for a banner. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    return t(`errors.${error.error.code}`, { seconds: error.error.retryAfterSeconds ?? 0 });
  }
  return t('errors.INTERNAL');
}

/**
 * Puts the core's field errors under the fields (prefix maps the channel's paths to the form's;
 * `strip` removes a leading part the form does not have, e.g. `fields.` of an update channel).
 * Returns the banner text for what is not tied to a field. The form keeps what was typed.
 */
export function applyServerError<T extends FieldValues>(
  t: TFunction,
  error: unknown,
  setError: UseFormSetError<T>,
  prefix = '',
  strip = '',
): string {
  if (error instanceof ApiError && error.error.fields?.length) {
    let first = true;
    for (const field of error.error.fields) {
      const path = strip && field.path.startsWith(strip) ? field.path.slice(strip.length) : field.path;
      if (!path) continue;
      // The first field the core refused takes the focus, as the form's own errors do.
      setError(`${prefix}${path}` as Path<T>, { type: 'server', message: field.message }, { shouldFocus: first });
      first = false;
    }
  }
  return serverErrorText(t, error);
}

/**
 * The banner's sentence for a core error, without touching the form: for a banner kept as the
 * error itself and said again in the new language when the language changes.
 */
export function serverErrorText(t: TFunction, error: unknown): string {
  if (error instanceof ApiError && error.error.fields?.length) {
    // A refusal of the whole form (path '') is said in the banner itself.
    const formLevel = error.error.fields.find((f) => f.path === '');
    if (formLevel) return t(formLevel.message);
    if (error.error.code === 'VALIDATION') return t('common.formHasErrors');
  }
  return errorMessage(t, error);
}
