import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { directionOf, type Language } from '../../../shared/domain/languages';
import { catalogs } from '../../../shared/i18n';

void i18next.use(initReactI18next).init({
  resources: Object.fromEntries(Object.entries(catalogs).map(([lng, messages]) => [lng, { translation: messages }])),
  lng: 'fr',
  fallbackLng: false,
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});

/** Switches the interface language; Arabic turns the whole document right to left. */
export function applyLanguage(language: Language): void {
  void i18next.changeLanguage(language);
  document.documentElement.lang = language;
  document.documentElement.dir = directionOf(language);
}

export { i18next };
