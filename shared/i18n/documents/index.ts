import type { Language } from '../../domain/languages';
import { documentsAr } from './ar';
import { documentsEn, type DocumentMessages } from './en';
import { documentsFr } from './fr';

export const documentCatalogs: Record<Language, DocumentMessages> = { ar: documentsAr, fr: documentsFr, en: documentsEn };
export type { DocumentMessages };

/** `{{name}}` placeholders, filled in; unknown ones are left visible so a missing value shows. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
