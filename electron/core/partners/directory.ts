import { sql, type Selectable, type Transaction } from 'kysely';
import type { StoreDatabase } from '../../../db/schema/store';
import type { PartnersTable } from '../../../db/schema/store/partners';
import type { PartnerDetail, PartnerFields, PartnerFilter, PartnerSummary } from '../../../shared/contract/partners';
import { foldText } from '../../../shared/search/fold';
import { AppError, refuseFields } from '../errors';
import type { Session } from '../sessions';

type Trx = Transaction<StoreDatabase>;
type Row = Selectable<PartnersTable>;
type Filter = Required<PartnerFilter>;

/** The directory shows at most this many lines; a filter narrows it (400 partners is a large network). */
const LIST_CAP = 500;

interface Links {
  services: Map<number, number[]>;
  places: Map<number, string[]>;
  languages: Map<number, string[]>;
}

function group<T>(rows: { partner_id: number; value: T }[]): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) {
    const list = out.get(r.partner_id);
    if (list) list.push(r.value);
    else out.set(r.partner_id, [r.value]);
  }
  return out;
}

async function linksOf(trx: Trx, ids: number[]): Promise<Links> {
  if (!ids.length) return { services: new Map(), places: new Map(), languages: new Map() };
  const [services, places, languages] = await Promise.all([
    trx.selectFrom('partner_services').select(['partner_id', 'service_id as value']).where('partner_id', 'in', ids).orderBy('partner_id').orderBy('service_id').execute(),
    trx.selectFrom('partner_places').select(['partner_id', 'place as value']).where('partner_id', 'in', ids).orderBy('partner_id').orderBy('sort').execute(),
    trx.selectFrom('partner_languages').select(['partner_id', 'language as value']).where('partner_id', 'in', ids).orderBy('partner_id').orderBy('language').execute(),
  ]);
  return { services: group(services), places: group(places), languages: group(languages) };
}

function summary(r: Row, links: Links): PartnerSummary {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    serviceIds: links.services.get(r.id) ?? [],
    places: links.places.get(r.id) ?? [],
    languages: links.languages.get(r.id) ?? [],
    phone: r.phone,
    answerDays: r.answer_days,
    givesFeedback: r.gives_feedback === 1,
    active: r.active === 1,
  };
}

/**
 * The directory, by name. Each word typed must appear in the folded name (any script, with
 * or without accents or hamza); a place matches a place served that starts with what was
 * typed ("tang" finds Tanger). `instr`, not LIKE: what is typed is text, never a pattern.
 */
export async function listPartners(trx: Trx, filter: Filter): Promise<{ items: PartnerSummary[]; truncated: boolean }> {
  let query = trx.selectFrom('partners').selectAll();
  if (!filter.includeInactive) query = query.where('active', '=', 1);
  for (const word of foldText(filter.query).split(' ').filter(Boolean)) query = query.where(sql<number>`instr(name_key, ${word})`, '>', 0);
  if (filter.serviceId !== null) {
    const serviceId = filter.serviceId;
    query = query.where('id', 'in', (eb) => eb.selectFrom('partner_services').select('partner_id').where('service_id', '=', serviceId));
  }
  const place = foldText(filter.place);
  if (place) query = query.where('id', 'in', (eb) => eb.selectFrom('partner_places').select('partner_id').where('place_key', '>=', place).where('place_key', '<', `${place}\uffff`));
  if (filter.language !== null) {
    const language = filter.language;
    query = query.where('id', 'in', (eb) => eb.selectFrom('partner_languages').select('partner_id').where('language', '=', language));
  }
  const rows = await query.orderBy('name_key').orderBy('id').limit(LIST_CAP + 1).execute();
  const page = rows.slice(0, LIST_CAP);
  const links = await linksOf(trx, page.map((r) => r.id));
  return { items: page.map((r) => summary(r, links)), truncated: rows.length > LIST_CAP };
}

async function loadRow(trx: Trx, id: number): Promise<Row> {
  const row = await trx.selectFrom('partners').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function getPartner(trx: Trx, id: number): Promise<PartnerDetail> {
  const row = await loadRow(trx, id);
  const [links, contacts, by] = await Promise.all([
    linksOf(trx, [id]),
    trx.selectFrom('partner_contacts').select(['name', 'role', 'phone', 'email']).where('partner_id', '=', id).orderBy('sort').execute(),
    trx.selectFrom('accounts').select('full_name').where('id', '=', row.updated_by).executeTakeFirst(),
  ]);
  return {
    ...summary(row, links),
    address: row.address,
    email: row.email,
    openingHours: row.opening_hours,
    agreement: row.agreement === 1,
    agreementFrom: row.agreement_from ?? '',
    agreementTo: row.agreement_to ?? '',
    notes: row.notes,
    contacts,
    version: row.version,
    updatedAt: row.updated_at,
    updatedBy: by?.full_name ?? '',
  };
}

/** Services named must exist; places are kept once each (by their folded form). */
async function checkFields(trx: Trx, f: PartnerFields): Promise<{ places: { place: string; key: string }[] }> {
  const serviceIds = [...new Set(f.serviceIds)];
  if (serviceIds.length) {
    const found = await trx.selectFrom('services').select('id').where('id', 'in', serviceIds).execute();
    if (found.length !== serviceIds.length) refuseFields([{ path: 'fields.serviceIds', message: 'validation.invalidChoice' }]);
  }
  const places = new Map<string, string>();
  for (const place of f.places) {
    const key = foldText(place);
    if (key && !places.has(key)) places.set(key, place);
  }
  return { places: [...places].map(([key, place]) => ({ key, place })) };
}

async function writeLinks(trx: Trx, id: number, f: PartnerFields, places: { place: string; key: string }[]): Promise<void> {
  await trx.deleteFrom('partner_services').where('partner_id', '=', id).execute();
  await trx.deleteFrom('partner_places').where('partner_id', '=', id).execute();
  await trx.deleteFrom('partner_languages').where('partner_id', '=', id).execute();
  await trx.deleteFrom('partner_contacts').where('partner_id', '=', id).execute();
  const serviceIds = [...new Set(f.serviceIds)];
  const languages = [...new Set(f.languages)];
  if (serviceIds.length) await trx.insertInto('partner_services').values(serviceIds.map((service_id) => ({ partner_id: id, service_id }))).execute();
  if (places.length) await trx.insertInto('partner_places').values(places.map((p, sort) => ({ partner_id: id, place: p.place, place_key: p.key, sort }))).execute();
  if (languages.length) await trx.insertInto('partner_languages').values(languages.map((language) => ({ partner_id: id, language }))).execute();
  if (f.contacts.length) await trx.insertInto('partner_contacts').values(f.contacts.map((c, sort) => ({ partner_id: id, ...c, sort }))).execute();
}

function columns(f: PartnerFields) {
  return {
    name: f.name,
    name_key: foldText(f.name),
    kind: f.kind,
    address: f.address,
    phone: f.phone,
    email: f.email,
    opening_hours: f.openingHours,
    agreement: f.agreement ? 1 : 0,
    agreement_from: f.agreementFrom || null,
    agreement_to: f.agreementTo || null,
    gives_feedback: f.givesFeedback ? 1 : 0,
    answer_days: f.answerDays,
    notes: f.notes,
  };
}

/**
 * Adds a partner (id null) or changes one. A change names the version its form showed: if
 * someone saved the partner since, CONFLICT, and the later person sees the other's change
 * before deciding (nothing is overwritten silently).
 */
export async function savePartner(trx: Trx, id: number | null, version: number | null, f: PartnerFields, session: Session, now: Date): Promise<number> {
  const { places } = await checkFields(trx, f);
  const at = now.toISOString();
  if (id === null) {
    const row = await trx
      .insertInto('partners')
      .values({ ...columns(f), created_at: at, created_by: session.accountId, updated_at: at, updated_by: session.accountId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeLinks(trx, row.id, f, places);
    return row.id;
  }
  const current = await loadRow(trx, id);
  if (version !== current.version) throw new AppError('CONFLICT', 'partner changed meanwhile');
  await trx
    .updateTable('partners')
    .set({ ...columns(f), version: current.version + 1, updated_at: at, updated_by: session.accountId })
    .where('id', '=', id)
    .execute();
  await writeLinks(trx, id, f, places);
  return id;
}

export async function setPartnerActive(trx: Trx, id: number, active: boolean, session: Session, now: Date): Promise<void> {
  const current = await loadRow(trx, id);
  if ((current.active === 1) === active) return;
  await trx
    .updateTable('partners')
    .set({ active: active ? 1 : 0, version: current.version + 1, updated_at: now.toISOString(), updated_by: session.accountId })
    .where('id', '=', id)
    .execute();
}

/**
 * Only a partner nothing refers to can be removed (one entered by mistake): once a referral
 * or a consent names it, CONFLICT, and it is deactivated instead so their history stays
 * whole. The name is returned for the audit entry.
 */
export async function removePartner(trx: Trx, id: number): Promise<string> {
  const current = await loadRow(trx, id);
  const named =
    (await trx.selectFrom('referrals').select('id').where('partner_id', '=', id).limit(1).executeTakeFirst()) ??
    (await trx.selectFrom('consents').select('id').where('partner_id', '=', id).limit(1).executeTakeFirst());
  if (named) throw new AppError('CONFLICT', 'the partner has referrals: deactivate it');
  await trx.deleteFrom('partner_services').where('partner_id', '=', id).execute();
  await trx.deleteFrom('partner_places').where('partner_id', '=', id).execute();
  await trx.deleteFrom('partner_languages').where('partner_id', '=', id).execute();
  await trx.deleteFrom('partner_contacts').where('partner_id', '=', id).execute();
  await trx.deleteFrom('partners').where('id', '=', id).execute();
  return current.name;
}
