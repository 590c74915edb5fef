import type { DocDefinition } from '../pdf/expand';
import { buildAttestation } from './attestation';
import { buildCaseSummary } from './case-summary';
import { buildDeadlineLog, buildDeadlineSheet } from './deadline-sheet';
import { buildIntakeRecord } from './intake-record';
import type { DocumentJob } from './jobs';
import { buildRecoverySheet } from './recovery-sheet';
import { buildReferralSlip } from './referral-slip';

/** The document definition of a job: one pure builder per kind. */
export function buildDocument(job: DocumentJob): DocDefinition {
  switch (job.kind) {
    case 'intakeRecord':
      return buildIntakeRecord(job.ctx, job.data);
    case 'caseSummary':
      return buildCaseSummary(job.ctx, job.data);
    case 'attestation':
      return buildAttestation(job.ctx, job.data);
    case 'recoverySheet':
      return buildRecoverySheet(job.ctx, job.data.recoveryKey);
    case 'deadlineSheet':
      return buildDeadlineSheet(job.ctx, job.data);
    case 'deadlineLog':
      return buildDeadlineLog(job.ctx, job.data);
    case 'referralSlip':
      return buildReferralSlip(job.ctx, job.data);
  }
}
