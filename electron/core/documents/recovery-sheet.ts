import type { DocDefinition } from '../pdf/expand';
import { DocWriter, type DocContext } from './frame';

/** The recovery-key sheet, printed at setup and whenever an administrator makes a new key. Pure. */
export function buildRecoverySheet(ctx: DocContext, recoveryKey: string): DocDefinition {
  const w = new DocWriter(ctx);
  const { m } = w;
  return w.document(m.recovery.title, [
    w.p(m.recovery.intro, { fontSize: 12, margin: [0, 0, 0, 16] }),
    // The key is Latin letters and digits in groups: always left to right, large, centred.
    { paragraph: recoveryKey, dir: 'ltr', fontSize: 20, bold: true, align: 'center', margin: [0, 12, 0, 16] },
    w.fields([
      [m.recovery.clinic, ctx.clinicName],
      [m.recovery.created, w.timestamp(ctx.generatedAt.toISOString())],
    ]),
    w.p(m.recovery.keep, { fontSize: 11, bold: true, color: '#8a1c15', margin: [0, 16, 0, 8] }),
    w.p(m.recovery.howTo, { fontSize: 11 }),
  ]);
}
