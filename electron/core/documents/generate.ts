import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { StoreDatabase } from '../../../db/schema/store';
import type { PdfDocument } from '../../../shared/contract/documents';
import { LANGUAGES, type Language } from '../../../shared/domain/languages';
import type { Session } from '../sessions';
import type { DocContext } from './frame';
import type { DocumentJob } from './jobs';
import { renderInWorker, type RenderLimits } from './render-client';

type Trx = Transaction<StoreDatabase>;

/**
 * The document's language: the one asked for; else the first of ar/fr/en the person speaks;
 * else the interface language of whoever generates it.
 */
export function chooseLanguage(asked: Language | '', spoken: readonly string[], session: Session): Language {
  if (asked) return asked;
  const known = spoken.find((l): l is Language => (LANGUAGES as readonly string[]).includes(l));
  return known ?? session.language;
}

export async function docContext(trx: Trx, session: Session, language: Language, now: Date): Promise<DocContext> {
  const clinic = await trx.selectFrom('clinic').select(['name', 'name_ar']).where('id', '=', 1).executeTakeFirstOrThrow();
  // The name in the document's own script: Arabic documents carry the Arabic name when given.
  return { language, clinicName: language === 'ar' && clinic.name_ar ? clinic.name_ar : clinic.name, generatedBy: session.fullName, generatedAt: now };
}

/** Renders in a worker thread (render-client.ts) and fingerprints the bytes for the audit log. */
export async function toPdfDocument(job: DocumentJob, fileStem: string, limits: RenderLimits): Promise<PdfDocument> {
  const { language } = job.ctx;
  const bytes = await renderInWorker(job, limits);
  return {
    fileName: `${fileStem.replace(/[^A-Za-z0-9._-]+/g, '-')}-${language}.pdf`,
    base64: bytes.toString('base64'),
    sha256: createHash('sha256').update(bytes).digest('hex'),
    language,
  };
}
