import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { TextField } from './Field';

type Key = 'code' | 'ar' | 'fr' | 'en';

/**
 * An entry of a list the clinic edits (a domain of law, a partner service): its stable code
 * and its name in each language, each box in its own script's direction.
 */
export function CodedLabelFields({ register, errors }: { register: (name: Key) => UseFormRegisterReturn; errors: Partial<Record<Key, { message?: string | undefined }>> }) {
  const { t } = useTranslation();
  return (
    <>
      <TextField label={t('domains.code')} hint={t('domains.codeHint')} dir="ltr" autoComplete="off" error={errors.code?.message} {...register('code')} />
      <TextField label={t('domains.ar')} dir="rtl" lang="ar" error={errors.ar?.message} {...register('ar')} />
      <TextField label={t('domains.fr')} dir="ltr" lang="fr" error={errors.fr?.message} {...register('fr')} />
      <TextField label={t('domains.en')} dir="ltr" lang="en" error={errors.en?.message} {...register('en')} />
    </>
  );
}
