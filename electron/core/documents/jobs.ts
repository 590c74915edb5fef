/**
 * What the core hands the PDF worker: which document, its context and its data. Plain data
 * only (structured clone): the builders and pdfmake run on the worker's side, so the core
 * never loads them (see render-client.ts for why rendering has its own thread).
 */
import type { AttestationData } from './attestation';
import type { CaseSummaryData } from './case-summary';
import type { DeadlineLogData, DeadlineSheetData } from './deadline-sheet';
import type { DocContext } from './frame';
import type { IntakeRecordData } from './intake-record';
import type { ReferralSlipData } from './referral-slip';

export type DocumentJob =
  | { kind: 'intakeRecord'; ctx: DocContext; data: IntakeRecordData }
  | { kind: 'caseSummary'; ctx: DocContext; data: CaseSummaryData }
  | { kind: 'attestation'; ctx: DocContext; data: AttestationData }
  | { kind: 'recoverySheet'; ctx: DocContext; data: { recoveryKey: string } }
  | { kind: 'deadlineSheet'; ctx: DocContext; data: DeadlineSheetData }
  | { kind: 'deadlineLog'; ctx: DocContext; data: DeadlineLogData }
  | { kind: 'referralSlip'; ctx: DocContext; data: ReferralSlipData };

/**
 * The worker's answer: the PDF's bytes, or what kind of error stopped it and where. Never the
 * error's message: pdfmake's messages can quote the document ("Unrecognized document
 * structure: …", a table row's data), and what the core logs must not hold case text.
 */
export type RenderReply = { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; error: string; frames: string[] };
