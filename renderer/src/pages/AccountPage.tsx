import { useTranslation } from 'react-i18next';
import { ChangePasswordForm } from './ChangePasswordForm';

export function AccountPage({ mustChange, onChanged }: { mustChange: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="change-password-title" className="panel">
      <h2 id="change-password-title">{t('changePassword.title')}</h2>
      {mustChange && <p className="banner banner-info">{t('changePassword.required')}</p>}
      <ChangePasswordForm onChanged={onChanged} />
    </section>
  );
}
