import type { Language } from '../../../shared/domain/languages';
import { catalogs } from '../../../shared/i18n';
import type { PartnerDetail, Service } from '../../../shared/contract/partners';

/**
 * The directory as a table (issue #14): one row per partner, the columns a spreadsheet user
 * expects, headed in the chosen language. Export writes these; import (next) reads them back.
 * Lists (services, places, languages) are joined with " ; " so a comma inside a name stays.
 */
export const LIST_SEPARATOR = ' ; ';

export const DIRECTORY_COLUMNS = [
  'name',
  'kind',
  'services',
  'places',
  'languages',
  'phone',
  'email',
  'address',
  'openingHours',
  'agreement',
  'agreementFrom',
  'agreementTo',
  'givesFeedback',
  'answerDays',
  'contacts',
  'notes',
  'active',
] as const;
export type DirectoryColumn = (typeof DIRECTORY_COLUMNS)[number];

export function headers(language: Language): string[] {
  const t = catalogs[language].partners;
  const label: Record<DirectoryColumn, string> = {
    name: t.name,
    kind: t.kind,
    services: t.services,
    places: t.places,
    languages: t.languages,
    phone: t.phone,
    email: t.email,
    address: t.address,
    openingHours: t.openingHours,
    agreement: t.agreement,
    agreementFrom: t.agreementFrom,
    agreementTo: t.agreementTo,
    givesFeedback: t.givesFeedback,
    answerDays: t.answerDays,
    contacts: t.contacts,
    notes: t.notes,
    active: t.activeColumn,
  };
  return DIRECTORY_COLUMNS.map((c) => label[c]);
}

/** A partner's row: text everywhere except the answer time, a number (or empty). */
export function rowOf(p: PartnerDetail, services: readonly Service[], language: Language): (string | number | null)[] {
  const c = catalogs[language];
  const yes = c.common.yes;
  const no = c.common.no;
  const service = (id: number) => services.find((s) => s.id === id)?.[language] ?? '';
  const languageName = (code: string) => new Intl.DisplayNames([language], { type: 'language' }).of(code) ?? code;
  const values: Record<DirectoryColumn, string | number | null> = {
    name: p.name,
    kind: c.enums.partnerKind[p.kind],
    services: p.serviceIds.map(service).filter(Boolean).join(LIST_SEPARATOR),
    places: p.places.join(LIST_SEPARATOR),
    languages: p.languages.map(languageName).join(LIST_SEPARATOR),
    phone: p.phone,
    email: p.email,
    address: p.address,
    openingHours: p.openingHours,
    agreement: p.agreement ? yes : no,
    agreementFrom: p.agreementFrom,
    agreementTo: p.agreementTo,
    givesFeedback: p.givesFeedback ? yes : no,
    answerDays: p.answerDays,
    contacts: p.contacts.map((k) => [k.name, k.role, k.phone, k.email].filter(Boolean).join(', ')).join('\n'),
    notes: p.notes,
    active: p.active ? yes : no,
  };
  return DIRECTORY_COLUMNS.map((col) => values[col]);
}
