import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../shared/domain/languages';

/** Each language is named in itself, so anyone can find theirs whatever the current one. */
export function LanguageSelect({ value, onChange }: { value: Language; onChange: (language: Language) => void }) {
  const { t } = useTranslation();
  return (
    <label className="language-select">
      <span>{t('lang.label')}</span>
      <select value={value} onChange={(e) => onChange(e.target.value as Language)}>
        {LANGUAGES.map((lng) => (
          <option key={lng} value={lng} lang={lng}>
            {t(`lang.${lng}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
