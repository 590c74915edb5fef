import { fill } from '../../../shared/i18n/documents';
import type { DocDefinition } from '../pdf/expand';
import { DocWriter, type DocContext } from './frame';

export interface AttestationData {
  name: string;
  nationality: string;
  /** YYYY-MM-DD: the day of the accompaniment. */
  date: string;
  purpose: string;
  signatory: string;
  reference: string | null;
}

/** Attestation that the clinic accompanied a person. Pure. */
export function buildAttestation(ctx: DocContext, data: AttestationData): DocDefinition {
  const w = new DocWriter(ctx);
  const { m } = w;
  const nationality = data.nationality ? fill(m.attestation.bodyNationality, { country: w.country(data.nationality) }) : '';
  return w.document(m.attestation.title, [
    w.p(
      fill(m.attestation.body, {
        signatory: data.signatory,
        clinic: ctx.clinicName,
        name: data.name,
        nationality,
        date: w.date(data.date),
        // Typed text inside the sentence keeps its own direction (first-strong isolate).
        purpose: `\u2068${data.purpose}\u2069`,
      }),
      { fontSize: 12, lineHeight: 1.3, margin: [0, 20, 0, 10] },
    ),
    ...(data.reference ? [w.p(fill(m.attestation.reference, { reference: w.code(data.reference) }), { fontSize: 12 })] : []),
    w.p(m.attestation.closing, { fontSize: 12, margin: [0, 10, 0, 30] }),
    w.p(fill(m.attestation.place, { date: w.date(ctx.generatedAt.toISOString()) }), { fontSize: 12, align: 'end' }),
    w.p(data.signatory, { fontSize: 12, bold: true, align: 'end', margin: [0, 6, 0, 0] }),
    w.p(m.attestation.signature, { fontSize: 10, align: 'end', color: '#545d6e', margin: [0, 4, 0, 0] }),
  ]);
}
