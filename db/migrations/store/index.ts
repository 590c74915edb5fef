import type { Migration } from '../types';
import { m0001Initial } from './0001-initial';
import { m0002Registry } from './0002-registry';
import { m0003ListIndexes } from './0003-list-indexes';
import { m0004CaseAssignments } from './0004-case-assignments';
import { m0005ClinicNameAr } from './0005-clinic-name-ar';
import { m0006AuditIndexes } from './0006-audit-indexes';
import { m0007Activities } from './0007-activities';
import { m0008Procedures } from './0008-procedures';
import { m0009Hearings } from './0009-hearings';
import { m0010Tasks } from './0010-tasks';
import { m0011CalendarIndexes } from './0011-calendar-indexes';
import { m0012OpenCasesByLawyer } from './0012-open-cases-by-lawyer';
import { m0013Backups } from './0013-backups';
import { m0014Partners } from './0014-partners';
import { m0015Referrals } from './0015-referrals';

/** Static registry (bundle-safe: no directory scanning). Append only; never edit a shipped entry. */
export const storeMigrations: readonly Migration[] = [m0001Initial, m0002Registry, m0003ListIndexes, m0004CaseAssignments, m0005ClinicNameAr, m0006AuditIndexes, m0007Activities, m0008Procedures, m0009Hearings, m0010Tasks, m0011CalendarIndexes, m0012OpenCasesByLawyer, m0013Backups, m0014Partners, m0015Referrals];
