/**
 * A case's follow-up (issue #12), played at its dates by the right accounts: activities (the
 * lawyer assigned at the time; intake staff early on; supervisors now and then), procedures
 * started from the shipped templates with their steps met as time passes them, hearings held
 * or adjourned, tasks. Files that never reach a closing in their life plan are closed at a
 * later file review once nothing has happened for months (clinics review dormant files), and
 * one lawyer carries a heavier share of the cases.
 *
 * Its own seeded random source: the people and case lives drawn by the simulation are the
 * same with or without it (their ids too); only which lawyer gets a file, and the review
 * closings, differ from a store made without follow-up.
 */
import type { ActivityFieldsInput } from '../../shared/contract/activities';
import type { Procedure, ProcedureTemplate } from '../../shared/contract/procedures';
import type { SPOKEN_LANGUAGES } from '../../shared/domain/beneficiary';
import type { CaseStatus } from '../../shared/domain/case';
import type { ActivityKind } from '../../shared/domain/activity';
import type { HearingKind } from '../../shared/domain/hearing';
import type { NotificationMode } from '../../shared/domain/procedure';
import { addDays, clinicTime, localDay } from '../../shared/deadlines/zone';
import * as T from './follow-up-texts';
import type { Rng } from './rng';
import type { Caller, StaffMember } from './staff';
import { DAY_MS, MINUTE_MS, SIM_END, type StepQueue } from './timeline';

const HOUR_MS = 60 * MINUTE_MS;

export interface FollowUpCounts {
  activities: number;
  restrictedActivities: number;
  activityEdits: number;
  procedures: number;
  stepsDone: number;
  dueOverrides: number;
  hearings: number;
  hearingOutcomes: number;
  adjournments: number;
  tasks: number;
  tasksDone: number;
  reviewClosings: number;
}

/** What the follow-up needs to know of a case file (the simulation's CaseFile). */
export interface FollowedFile {
  readonly id: number;
  lawyer: StaffMember | null;
  readonly desk: StaffMember;
  status: CaseStatus;
  readonly intakeAt: number;
  readonly codes: readonly string[];
  readonly fields: { readonly urgency: string; readonly sensitive: boolean };
  readonly person: { readonly languages: readonly string[]; readonly home: { readonly city: string } };
  track?: Track;
}

/** A status step of the case's life plan, at the time it will be played. */
export interface PlannedStatus {
  to: CaseStatus;
  at: number;
}

interface StepMirror {
  id: number;
  key: string;
  dueAt: string | null;
  done: boolean;
}

interface ProcedureMirror {
  id: number;
  notifiedAt: number;
  steps: StepMirror[];
}

interface HearingPlan {
  kind: HearingKind;
  /** The first date, then each date it is adjourned to. */
  dates: number[];
  end: 'held' | 'cancelled';
  purpose: string;
}

/** Follow-up state of one file: what is still running on it. */
interface Track {
  procedures: ProcedureMirror[];
  /** Scheduled hearings not yet recorded, by id: their instant. */
  hearings: Map<number, number>;
  /** Open tasks: id and who was given them. */
  tasks: Map<number, StaffMember>;
  /** When the work on the file ends (its closing, or when it goes quiet). */
  horizon: number;
}

type Flow = ({ at: number } & ({ kind: 'complete'; key: string } | { kind: 'override'; key: string; dueAt: number; reason: string } | { kind: 'hearing'; plan: HearingPlan }))[];

const iso = (ms: number) => new Date(ms).toISOString();
const dayOf = (ms: number) => localDay(iso(ms));
const timeOf = (ms: number) => clinicTime(iso(ms));

/** Working hours (UTC 08:30–17:30 on a weekday, the clinic's 09:30–18:30): `t` if inside, else the next opening. */
function atWork(rng: Rng, t: number): number {
  let day = t - (t % DAY_MS);
  let inDay = t - day;
  if (inDay < 8.5 * HOUR_MS) inDay = 8.5 * HOUR_MS + rng.int(0, 180) * MINUTE_MS;
  else if (inDay > 17.5 * HOUR_MS) {
    day += DAY_MS;
    inDay = 8.5 * HOUR_MS + rng.int(0, 240) * MINUTE_MS;
  }
  while ([0, 6].includes(new Date(day).getUTCDay())) day += DAY_MS;
  return day + inDay;
}

/** A hearing's slot: a weekday at 08:00–14:30 UTC (09:00–15:30 in the clinic), on the quarter hour. */
function hearingSlot(rng: Rng, t: number): number {
  let day = t - (t % DAY_MS);
  while ([0, 6].includes(new Date(day).getUTCDay())) day += DAY_MS;
  return day + 8 * HOUR_MS + rng.int(0, 26) * 15 * MINUTE_MS;
}

const days = (rng: Rng, min: number, max: number) => rng.int(Math.round(min * 24), Math.round(max * 24)) * HOUR_MS;

/** Templates each domain brings, with the chance a case of that domain starts one. */
const TEMPLATES_BY_DOMAIN: Record<string, [string, number][]> = {
  detention: [['removal_order', 0.85]],
  asylum: [['asylum_unhcr', 0.9]],
  residence: [['residence_refusal', 0.7], ['excess_of_power', 0.18]],
  labour: [['dismissal', 0.7]],
  civil_status: [['birth_declaration', 0.75]],
  gbv: [['violence_complaint', 0.8]],
  trafficking: [['violence_complaint', 0.4]],
  family: [['civil_appeal', 0.6], ['urgent_order_appeal', 0.2]],
  housing: [['urgent_order_appeal', 0.6]],
  discrimination: [['excess_of_power', 0.4]],
  education: [['excess_of_power', 0.2]],
  health: [['excess_of_power', 0.18]],
  documents: [['excess_of_power', 0.2]],
  other: [['civil_appeal', 0.15]],
};

/** What follows a procedure when it goes higher. */
const NEXT_LEVEL: Record<string, [string, number]> = {
  civil_appeal: ['cassation', 0.15],
  excess_of_power: ['cassation_administrative', 0.12],
  urgent_order_appeal: ['civil_appeal', 0.2],
  residence_refusal: ['excess_of_power', 0.1],
};

/** How long before the lawyer hears of it the decision was notified (or the triggering fact happened), in days. */
const NOTIFIED_BEFORE: Record<string, [number, number]> = {
  removal_order: [0.08, 1.2],
  residence_refusal: [1, 8],
  excess_of_power: [2, 30],
  asylum_unhcr: [0, 40],
  civil_appeal: [1, 15],
  urgent_order_appeal: [1, 6],
  cassation: [2, 15],
  cassation_administrative: [2, 30],
  dismissal: [3, 40],
  birth_declaration: [1, 20],
  violence_complaint: [0, 10],
};

export class FollowUp {
  readonly counts: FollowUpCounts = {
    activities: 0, restrictedActivities: 0, activityEdits: 0, procedures: 0, stepsDone: 0, dueOverrides: 0,
    hearings: 0, hearingOutcomes: 0, adjournments: 0, tasks: 0, tasksDone: 0, reviewClosings: 0,
  };
  private readonly supervisors: StaffMember[];
  private readonly lawyers: StaffMember[];
  /** The lawyer who takes more than their share (the "my work" probe's heavy caseload). */
  readonly heavy: StaffMember;
  private readonly redirect: number;
  private readonly templateIds: Map<string, number>;
  private files = 0;
  private bigFiles = 0;

  constructor(
    private readonly rng: Rng,
    private readonly caller: Caller,
    private readonly queue: StepQueue,
    team: StaffMember[],
    templates: ProcedureTemplate[],
    private readonly expectedCases: number,
  ) {
    this.supervisors = team.filter((s) => s.role === 'supervisor');
    this.lawyers = team.filter((s) => s.role === 'lawyer');
    this.heavy = this.lawyers[0]!;
    // About 1.15 times an even share of the assignments.
    this.redirect = this.lawyers.length > 1 ? 0.15 / (this.lawyers.length - 1) : 0;
    this.templateIds = new Map(templates.map((t) => [t.code, t.id]));
  }

  /** Starts the clinic-wide tasks (a supervisor's to-do for a lawyer, every two weeks or so). */
  start(from: number): void {
    this.queue.push(atWork(this.rng, from + days(this.rng, 7, 21)), () => this.teamTask());
  }

  /** The lawyer a supervisor gives a file to: the one chosen, or now and then the heavy one. */
  steer(chosen: StaffMember, current: StaffMember | null): StaffMember {
    if (chosen === this.heavy || current === this.heavy || !this.rng.chance(this.redirect)) return chosen;
    return this.heavy;
  }

  private supervisor(): StaffMember {
    return this.rng.pick(this.supervisors);
  }

  /** Whoever may act on the file now: its lawyer, else a supervisor. */
  private actor(file: FollowedFile): StaffMember {
    return file.lawyer ?? this.supervisor();
  }

  /** Intake staff see the cases they opened, sensitive ones excepted. */
  private deskMay(file: FollowedFile): boolean {
    return file.desk.role === 'supervisor' || !file.fields.sensitive;
  }

  // ---------------------------------------------------------------------------------------
  // A new file: its first activity at the desk, then its follow-up planned from its life plan.

  async onIntake(file: FollowedFile, at: number, plan: PlannedStatus[], lastStepAt: number): Promise<void> {
    const rng = this.rng;
    this.files += 1;
    file.track = { procedures: [], hearings: new Map(), tasks: new Map(), horizon: at };
    if (this.deskMay(file) && rng.chance(0.45)) await this.activity(file, file.desk, rng.pick(['consultation', 'interview'] as const));

    const opened = plan.find((s) => s.to === 'open')?.at;
    const closing = plan.find((s) => s.to === 'closed')?.at;
    const neverCloses = plan.length === 0 || plan[plan.length - 1]!.to !== 'closed';
    const dormantAt = at + Math.round(30 + rng.logNormalDays(110, 0.8)) * DAY_MS;
    const end = closing ?? (neverCloses && plan.length > 0 ? dormantAt : at + 20 * DAY_MS);
    const span = Math.max(1, (end - at) / DAY_MS);

    // Activities: a handful for most files, more for urgent and long ones, a few very busy files.
    const weight = (file.fields.urgency === 'critical' ? 1.6 : file.fields.urgency === 'urgent' ? 1.25 : 1) *
      (file.codes.some((c) => ['detention', 'asylum', 'gbv', 'trafficking'].includes(c)) ? 1.3 : 1);
    let n = Math.max(1, Math.round(rng.logNormalDays(4.6 * weight, 0.75) * Math.min(3, Math.max(0.4, span / 100))));
    const eligibleBig = span >= 150 && end < SIM_END && opened !== undefined;
    if (eligibleBig && (rng.chance(0.006) || (this.bigFiles === 0 && this.files > this.expectedCases / 3))) {
      this.bigFiles += 1;
      n = rng.int(230, 340);
    }
    this.chainActivities(file, at, end, n);

    if (opened === undefined) return; // never opened: no procedure, hearing or task
    const workEnd = Math.max(opened + 20 * DAY_MS, closing ?? end);
    file.track.horizon = workEnd;
    this.planProcedures(file, opened, workEnd);
    this.planAppointments(file, opened, workEnd);
    this.planTasks(file, opened, workEnd);
    if (neverCloses && rng.chance(0.85)) {
      // The file review: a dormant file is closed for lost contact months after its last news.
      const reviewAt = atWork(rng, Math.max(lastStepAt, dormantAt) + days(rng, 60, 240));
      if (reviewAt < SIM_END) this.queue.push(reviewAt, () => this.reviewClose(file));
    }
  }

  /** A closed file reopened: a few more activities. */
  onReopened(file: FollowedFile, at: number): void {
    this.chainActivities(file, at, at + days(this.rng, 30, 150), this.rng.int(1, 6));
  }

  // ---------------------------------------------------------------------------------------
  // Activities

  /** `n` activities at random working times in [from, until], each played when its time comes, the next queued then. */
  private chainActivities(file: FollowedFile, from: number, until: number, n: number): void {
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const at = atWork(this.rng, from + Math.floor(this.rng.fr.number.float() * (until - from)));
      if (at <= until) times.push(at);
    }
    times.sort((x, y) => x - y);
    const next = (i: number) => {
      const at = times[i];
      if (at === undefined) return;
      this.queue.push(at, async () => {
        if (file.status === 'closed') return;
        await this.activity(file, this.author(file, at));
        next(i + 1);
      });
    };
    next(0);
  }

  /** Who writes it: the file's lawyer mostly; its intake worker early on; a supervisor now and then. */
  private author(file: FollowedFile, at: number): StaffMember {
    const rng = this.rng;
    const deskEarly = file.desk.role === 'intake' && this.deskMay(file) && at - file.intakeAt < 21 * DAY_MS;
    if (!file.lawyer) return deskEarly && rng.chance(0.7) ? file.desk : this.supervisor();
    if (deskEarly && rng.chance(0.3)) return file.desk;
    return rng.chance(0.05) ? this.supervisor() : file.lawyer;
  }

  private kindFor(file: FollowedFile): ActivityKind {
    const c = file.codes;
    return this.rng.weighted<ActivityKind>([
      ['consultation', 24], ['call', 26], ['interview', 7], ['accompaniment', 8],
      ['detention_visit', c.includes('detention') ? 14 : 0], ['drafting', 11], ['filing', 6],
      ['mediation', c.some((x) => ['family', 'labour', 'housing'].includes(x)) ? 6 : 1], ['social_support', 5], ['other', 3],
    ]);
  }

  private activityFields(file: FollowedFile, kind: ActivityKind, occurred: number): ActivityFieldsInput {
    const rng = this.rng;
    const languages = file.person.languages;
    const spoken = !['drafting', 'filing', 'other'].includes(kind) && languages.length > 0 && rng.chance(0.75);
    const language: ActivityFieldsInput['language'] = spoken ? (rng.pick(languages) as (typeof SPOKEN_LANGUAGES)[number]) : '';
    const foreign = language !== '' && !['fr', 'ar', 'ary', 'en'].includes(language);
    const [lo, hi] = ({
      call: [3, 25], consultation: [20, 90], interview: [45, 180], accompaniment: [60, 360], detention_visit: [60, 300],
      drafting: [30, 240], filing: [20, 120], mediation: [45, 180], social_support: [15, 90], other: [0, 60],
    } as const)[kind];
    const restrictedChance = file.codes.some((c) => c === 'gbv' || c === 'trafficking') ? 0.22 : file.codes.includes('health') ? 0.1 : file.fields.sensitive ? 0.08 : 0.02;
    const date = dayOf(occurred);
    const withNext = rng.chance(0.35);
    const dated = withNext && rng.chance(0.85);
    return {
      kind,
      accompanimentTo: kind === 'accompaniment' ? rng.pick(T.ACCOMPANIMENT_BY_DOMAIN[file.codes[0]!] ?? ['other']) : '',
      date,
      time: timeOf(occurred),
      durationMinutes: rng.int(lo, hi),
      language,
      interpreter: foreign ? rng.chance(0.8) : spoken && rng.chance(0.03),
      notes: T.activityNotes(rng, kind, T.languageOfNote(rng, languages), file.person.home.city),
      nextAction: withNext ? T.nextAction(rng) : '',
      nextActionDate: dated ? addDays(date, rng.int(1, 30)) : '',
      restricted: rng.chance(restrictedChance),
    };
  }

  private async activity(file: FollowedFile, author: StaffMember, kind: ActivityKind = this.kindFor(file)): Promise<void> {
    const rng = this.rng;
    const now = this.caller.nowMs();
    // Written at the end of what it tells: it happened a little earlier, to the minute.
    const occurred = now - rng.int(0, 90) * MINUTE_MS;
    const fields = this.activityFields(file, kind, occurred);
    const created = await this.caller.call(author.username, 'activities:create', { caseId: file.id, fields });
    this.counts.activities += 1;
    if (created.restricted) this.counts.restrictedActivities += 1;
    if (rng.chance(0.015)) {
      // Corrected later by its author (or a supervisor), the earlier text kept as a revision.
      this.queue.push(now + rng.int(10, 72 * 60) * MINUTE_MS, async () => {
        const editor = author.role === 'supervisor' || (author.role === 'lawyer' ? file.lawyer === author : this.deskMay(file)) ? author : this.supervisor();
        const edited = { ...fields, notes: T.editNote(rng, fields.notes), durationMinutes: rng.chance(0.3) ? Math.min(1440, fields.durationMinutes + 15) : fields.durationMinutes };
        await this.caller.call(editor.username, 'activities:update', { id: created.id, revision: created.revision, fields: edited });
        this.counts.activityEdits += 1;
      });
    }
  }

  // ---------------------------------------------------------------------------------------
  // Procedures and their deadlines

  private planProcedures(file: FollowedFile, opened: number, workEnd: number): void {
    const rng = this.rng;
    const codes: string[] = [];
    for (const c of file.codes) {
      for (const [code, p] of TEMPLATES_BY_DOMAIN[c] ?? []) {
        if (!rng.chance(p)) continue;
        codes.push(code);
        // The same kind of decision again (a second removal order, another refusal), or the next level.
        for (let again = 0; again < 3 && rng.chance(0.55); again++) codes.push(code);
        const higher = NEXT_LEVEL[code];
        if (higher && rng.chance(higher[1])) codes.push(higher[0]);
      }
    }
    const window = Math.max(DAY_MS, workEnd - opened);
    const starts = codes.map(() => opened + days(rng, 1, 10) + Math.floor(rng.fr.number.float() * 0.6 * window)).sort((a, b) => a - b);
    codes.forEach((code, i) => this.queue.push(atWork(rng, starts[i]!), () => this.startProcedure(file, code)));
  }

  private async startProcedure(file: FollowedFile, code: string): Promise<void> {
    if (file.status === 'closed' || file.status === 'intake') return;
    const rng = this.rng;
    const now = this.caller.nowMs();
    const [lo, hi] = NOTIFIED_BEFORE[code]!;
    // Notified in the daytime, at least an hour before the lawyer hears of it.
    let notified = now - days(rng, lo, hi) - HOUR_MS;
    const inDay = notified % DAY_MS;
    if (inDay < 7 * HOUR_MS || inDay > 18 * HOUR_MS) notified = notified - inDay + 7 * HOUR_MS + rng.int(0, 600) * MINUTE_MS - (inDay < 7 * HOUR_MS ? DAY_MS : 0);
    if (code === 'birth_declaration' && rng.chance(0.2)) notified -= days(rng, 30, 180); // a birth never declared in time
    const city = file.person.home.city;
    const procedure = await this.caller.call(this.actor(file).username, 'procedures:start', {
      caseId: file.id,
      fields: {
        templateId: this.templateIds.get(code)!,
        authority: T.authorityOf(rng, code, city),
        authorityRefs: T.authorityRef(rng, dayOf(notified).slice(0, 4)),
        decision: T.decisionOf(rng, code, city),
        notifiedDate: dayOf(notified),
        notifiedTime: timeOf(notified),
        notificationMode: rng.weighted<NotificationMode>([['in_writing', 60], ['in_person', 30], ['oral', 10]]),
      },
    });
    this.counts.procedures += 1;
    const mirror: ProcedureMirror = { id: procedure.id, notifiedAt: Date.parse(procedure.notifiedAt), steps: [] };
    this.mirror(mirror, procedure);
    file.track!.procedures.push(mirror);
    this.playFlow(file, mirror, this.flowOf(code, mirror, now, file.track!.horizon), 0);
  }

  private mirror(m: ProcedureMirror, p: Procedure): void {
    m.steps = p.steps.map((s) => ({ id: s.id, key: s.key, dueAt: s.dueAt, done: s.doneAt !== null }));
  }

  /** A hearing with its adjournments planned ahead. */
  private hearingPlan(kind: HearingKind, first: number, adjournChance: number, scale = 1): HearingPlan {
    const rng = this.rng;
    const dates = [hearingSlot(rng, first)];
    while (dates.length < 4 && rng.chance(adjournChance)) dates.push(hearingSlot(rng, dates[dates.length - 1]! + DAY_MS + days(rng, 14 * scale, 60 * scale)));
    return { kind, dates, end: rng.chance(0.92) ? 'held' : 'cancelled', purpose: T.purposeOf(rng, kind) };
  }

  /**
   * How a procedure unfolds after it starts (`now`), from its notification `t0`: which steps
   * are met when, the hearings on the way, a due date set by hand now and then.
   */
  private flowOf(code: string, m: ProcedureMirror, now: number, horizon: number): Flow {
    const draft = this.draftFlow(code, m, now, 1);
    const last = draft[draft.length - 1]?.at ?? now;
    if (last <= horizon) return draft;
    // The file closes (or goes quiet) sooner than the procedure would take: the same story, faster.
    return this.draftFlow(code, m, now, Math.max(0.1, (0.9 * (horizon - now)) / (last - now)));
  }

  private draftFlow(code: string, m: ProcedureMirror, now: number, scale: number): Flow {
    const rng = this.rng;
    const d = (min: number, max: number) => days(rng, min * scale, max * scale);
    const t0 = m.notifiedAt;
    const flow: Flow = [];
    let t = now;
    const done = (key: string, after: number) => {
      t = Math.max(t + HOUR_MS, after);
      flow.push({ at: t, kind: 'complete', key });
    };
    const hearing = (kind: HearingKind, after: number, adjourn: number) => {
      const plan = this.hearingPlan(kind, after, adjourn, scale);
      // Set a few days ahead at most, never after its own date.
      flow.push({ at: Math.max(t, Math.min(t + d(0, 2), plan.dates[0]! - 2 * HOUR_MS)), kind: 'hearing', plan });
      return plan.dates[plan.dates.length - 1]!;
    };
    switch (code) {
      case 'removal_order': {
        done('appeal', Math.min(t + d(0.05, 1), t0 + 46 * HOUR_MS));
        const last = hearing('court_hearing', t + d(1, 3), 0.1);
        done('ruling', last + d(0.1, 2));
        done('ruling_appeal', t + d(3, 28));
        break;
      }
      case 'residence_refusal':
        if (rng.chance(0.3)) {
          // An administrative appeal first: it suspends the court deadline (set by hand), then 60 days of silence.
          done('admin_appeal', t + d(1, 8));
          const adminAt = t;
          flow.push({ at: t + HOUR_MS, kind: 'override', key: 'appeal', dueAt: adminAt + 75 * DAY_MS, reason: T.OVERRIDE_REASONS[1]! });
          done('implicit_refusal', rng.chance(0.4) ? adminAt + d(20, 55) : adminAt + d(61, 66));
          done('appeal', t + d(2, 10));
        } else {
          done('appeal', t + d(1, 10));
        }
        if (rng.chance(0.5)) hearing('court_hearing', t + d(20, 90), 0.25);
        break;
      case 'excess_of_power': {
        done('appeal', t + d(2, 25));
        const last = hearing('court_hearing', t + d(60, 200), 0.25);
        done('judgment', last + d(15, 60));
        done('judgment_appeal', t + d(3, 25));
        break;
      }
      case 'asylum_unhcr': {
        const last = hearing('unhcr_interview', t + d(20, 150), 0.12);
        done('interview', last + d(0.05, 0.2));
        done('decision', t + d(30, 200));
        done('appeal', t + d(3, 26));
        break;
      }
      case 'civil_appeal':
        done('appeal', t + d(1, 14));
        if (rng.chance(0.65)) hearing('court_hearing', t + d(30, 120), 0.25);
        break;
      case 'urgent_order_appeal':
        done('appeal', t + d(1, 7));
        if (rng.chance(0.5)) hearing('court_hearing', t + d(7, 30), 0.25);
        break;
      case 'cassation':
      case 'cassation_administrative':
        done('appeal', t + d(2, code === 'cassation' ? 14 : 25));
        break;
      case 'dismissal':
        done('court_action', t + d(5, 40));
        if (rng.chance(0.5)) hearing('court_hearing', t + d(30, 120), 0.25);
        break;
      case 'birth_declaration':
        done('declaration', t + d(1, 20));
        if (t - t0 > 30 * DAY_MS) {
          const last = hearing('court_hearing', t + d(30, 90), 0.2);
          done('judgment', last + d(7, 40));
        }
        break;
      case 'violence_complaint': {
        done('certificate', t + d(0.1, 5));
        done('complaint', t + d(1, 15));
        done('prosecutor', t + d(7, 60));
        if (rng.chance(0.4)) hearing('court_hearing', t + d(30, 120), 0.3);
        break;
      }
    }
    // A due date moved by hand: the notification reached the person later than the decision says.
    const running = m.steps.find((s) => s.dueAt !== null);
    if (running && code !== 'residence_refusal' && rng.chance(0.04)) {
      flow.push({ at: now + days(rng, 0.05, 1), kind: 'override', key: running.key, dueAt: Date.parse(running.dueAt!) + days(rng, 1, 10), reason: rng.pick(T.OVERRIDE_REASONS) });
    }
    flow.sort((a, b) => a.at - b.at);
    return flow;
  }

  /** Plays a procedure's flow one event at a time; a step sometimes forgotten stops it (open, then overdue). */
  private playFlow(file: FollowedFile, m: ProcedureMirror, flow: Flow, i: number): void {
    const event = flow[i];
    if (!event) return;
    this.queue.push(atWork(this.rng, event.at), async () => {
      if (file.status === 'closed') return;
      if (event.kind === 'hearing') {
        await this.scheduleHearing(file, event.plan);
      } else {
        const step = m.steps.find((s) => s.key === event.key)!;
        if (step.done) {
          // Already met (a flow's events may cross): nothing to do.
        } else if (event.kind === 'override') {
          const due = Math.max(event.dueAt, m.notifiedAt + DAY_MS);
          const p = await this.caller.call(this.actor(file).username, 'procedures:overrideDue', { stepId: step.id, fields: { date: dayOf(due), time: timeOf(due), reason: event.reason } });
          this.mirror(m, p);
          this.counts.dueOverrides += 1;
        } else {
          if (this.rng.chance(0.03)) return; // forgotten: the step stays open, and so does what follows
          await this.completeStep(file, m, step, T.doneNote(this.rng));
        }
      }
      this.playFlow(file, m, flow, i + 1);
    });
  }

  private async completeStep(file: FollowedFile, m: ProcedureMirror, step: StepMirror, note: string, by = this.actor(file)): Promise<void> {
    const now = this.caller.nowMs();
    const at = Math.max(now - this.rng.int(0, 60) * MINUTE_MS, m.notifiedAt + MINUTE_MS);
    const p = await this.caller.call(by.username, 'procedures:completeStep', { stepId: step.id, fields: { date: dayOf(at), time: timeOf(at), note } });
    this.mirror(m, p);
    this.counts.stepsDone += 1;
  }

  // ---------------------------------------------------------------------------------------
  // Hearings and appointments

  /** Appointments outside any procedure: the prefecture, the refugee office, the labour inspection. */
  private planAppointments(file: FollowedFile, opened: number, workEnd: number): void {
    const rng = this.rng;
    const c = file.codes;
    const kinds: [HearingKind, number][] = [
      ['prefecture_appointment', c.includes('residence') || c.includes('documents') ? 0.22 : 0.02],
      ['refugee_office_interview', c.includes('asylum') ? 0.15 : 0],
      ['other', c.includes('labour') || c.includes('gbv') ? 0.25 : 0.04],
    ];
    for (const [kind, p] of kinds) {
      if (!rng.chance(p)) continue;
      const at = atWork(rng, opened + days(rng, 2, 10) + Math.floor(rng.fr.number.float() * 0.5 * Math.max(DAY_MS, workEnd - opened)));
      const plan = this.hearingPlan(kind, Math.min(at + days(rng, 5, 45), Math.max(at + 2 * DAY_MS, workEnd - DAY_MS)), 0.15);
      this.queue.push(at, () => (file.status === 'closed' ? Promise.resolve() : this.scheduleHearing(file, plan)));
    }
  }

  private async scheduleHearing(file: FollowedFile, plan: HearingPlan): Promise<void> {
    const rng = this.rng;
    const first = plan.dates[0]!;
    const created = await this.caller.call(this.actor(file).username, 'hearings:create', {
      caseId: file.id,
      fields: { kind: plan.kind, date: dayOf(first), time: timeOf(first), ...T.placeOf(rng, plan.kind, file.person.home.city), purpose: plan.purpose },
    });
    this.counts.hearings += 1;
    file.track!.hearings.set(created.id, first);
    this.recordLater(file, plan, created.id, 0);
  }

  /** After each date, what happened is recorded (sometimes never: a hearing left "scheduled"). */
  private recordLater(file: FollowedFile, plan: HearingPlan, id: number, i: number): void {
    const rng = this.rng;
    if (rng.chance(0.03)) return;
    this.queue.push(atWork(rng, plan.dates[i]! + days(rng, 0.05, 1.5)), async () => {
      if (!file.track!.hearings.has(id)) return; // recorded when the file closed
      const next = plan.dates[i + 1];
      const status = next === undefined ? plan.end : 'adjourned';
      const hearings = await this.caller.call(this.actor(file).username, 'hearings:record', {
        id,
        outcome: { status, result: T.hearingResult(rng, status), nextDate: next ? dayOf(next) : '', nextTime: next ? timeOf(next) : '' },
      });
      this.counts.hearingOutcomes += 1;
      file.track!.hearings.delete(id);
      if (next !== undefined) {
        const adjourned = hearings.find((h) => h.previousId === id)!;
        this.counts.adjournments += 1;
        this.counts.hearings += 1;
        file.track!.hearings.set(adjourned.id, next);
        this.recordLater(file, plan, adjourned.id, i + 1);
      }
    });
  }

  // ---------------------------------------------------------------------------------------
  // Tasks

  private planTasks(file: FollowedFile, opened: number, workEnd: number): void {
    const rng = this.rng;
    const n = rng.weighted([[0, 70], [1, 20], [2, 7], [3, 3]]);
    for (let i = 0; i < n; i++) {
      const at = atWork(rng, opened + Math.floor(rng.fr.number.float() * Math.max(DAY_MS, workEnd - opened)));
      this.queue.push(at, () => this.caseTask(file));
    }
  }

  private async caseTask(file: FollowedFile): Promise<void> {
    const rng = this.rng;
    if (file.status === 'closed' || !file.lawyer) return;
    const lawyer = file.lawyer;
    const r = rng.fr.number.float();
    // The lawyer for themself, a supervisor for the lawyer, or the lawyer for the intake worker.
    const [creator, assignee] = r < 0.15 ? [this.supervisor(), lawyer] : r < 0.27 && file.desk.role === 'intake' && this.deskMay(file) ? [lawyer, file.desk] : [lawyer, lawyer];
    const today = dayOf(this.caller.nowMs());
    const task = await this.caller.call(creator.username, 'tasks:create', {
      caseId: file.id,
      fields: { title: T.taskTitle(rng, true), dueDate: rng.chance(0.85) ? addDays(today, rng.int(1, 14)) : '', assigneeId: assignee === creator ? null : assignee.id, notes: '' },
    });
    this.counts.tasks += 1;
    file.track!.tasks.set(task.id, assignee);
    if (rng.chance(0.88)) {
      this.queue.push(atWork(rng, this.caller.nowMs() + days(rng, 0.2, 16)), async () => {
        if (!file.track!.tasks.has(task.id)) return;
        // Done by whom it was given to, if they still see the file; else by a supervisor.
        const by = assignee.role === 'lawyer' && file.lawyer !== assignee ? this.supervisor() : assignee;
        await this.caller.call(by.username, 'tasks:setDone', { id: task.id, done: true });
        this.counts.tasksDone += 1;
        file.track!.tasks.delete(task.id);
      });
    }
  }

  /** A to-do with no case: a supervisor's for a lawyer (or for themself). */
  private async teamTask(): Promise<void> {
    const rng = this.rng;
    const supervisor = this.supervisor();
    const assignee = rng.chance(0.8) ? rng.pick(this.lawyers) : supervisor;
    const task = await this.caller.call(supervisor.username, 'tasks:create', {
      caseId: null,
      fields: { title: T.taskTitle(rng, false), dueDate: addDays(dayOf(this.caller.nowMs()), rng.int(3, 20)), assigneeId: assignee === supervisor ? null : assignee.id, notes: '' },
    });
    this.counts.tasks += 1;
    if (rng.chance(0.9)) {
      this.queue.push(atWork(rng, this.caller.nowMs() + days(rng, 1, 18)), async () => {
        await this.caller.call(assignee.username, 'tasks:setDone', { id: task.id, done: true });
        this.counts.tasksDone += 1;
      });
    }
    this.queue.push(atWork(rng, this.caller.nowMs() + days(rng, 7, 21)), () => this.teamTask());
  }

  // ---------------------------------------------------------------------------------------
  // Closing

  /**
   * Before a file is closed, `by` settles what still runs on it: steps met or marked moot,
   * hearings recorded or cancelled, tasks done; now and then something is left (the closing
   * then says it knows). Returns whether open deadlines or hearings to come remain.
   */
  async beforeClose(file: FollowedFile, by: StaffMember, reason: string): Promise<boolean> {
    const track = file.track;
    if (!track) return false;
    const rng = this.rng;
    const now = this.caller.nowMs();
    let left = false;
    for (const m of track.procedures) {
      if (!m.steps.some((s) => !s.done && s.dueAt)) continue;
      if (rng.chance(0.04)) {
        left ||= m.steps.some((s) => !s.done && s.dueAt !== null);
        continue;
      }
      // Running deadlines are marked met or moot, in order: meeting one can start the next one's.
      // Steps never reached (no deadline running) stay as they are.
      for (let step = m.steps.find((s) => !s.done && s.dueAt); step; step = m.steps.find((s) => !s.done && s.dueAt)) {
        await this.completeStep(file, m, step, T.closingNote(reason), by);
      }
    }
    track.procedures = track.procedures.filter((m) => m.steps.some((s) => !s.done && s.dueAt));
    for (const [id, at] of [...track.hearings]) {
      const status = at < now && rng.chance(0.7) ? 'held' : 'cancelled';
      await this.caller.call(by.username, 'hearings:record', { id, outcome: { status, result: status === 'cancelled' ? T.closingNote(reason) : T.hearingResult(rng, 'held'), nextDate: '', nextTime: '' } });
      this.counts.hearingOutcomes += 1;
      track.hearings.delete(id);
    }
    for (const [id] of [...track.tasks]) {
      track.tasks.delete(id);
      if (rng.chance(0.1)) continue;
      await this.caller.call(by.username, 'tasks:setDone', { id, done: true });
      this.counts.tasksDone += 1;
    }
    return left;
  }

  /** The file review: a dormant file closed for lost contact. */
  private async reviewClose(file: FollowedFile): Promise<void> {
    if (file.status === 'closed' || !file.lawyer) return;
    const by = file.lawyer;
    const left = await this.beforeClose(file, by, 'lost_contact');
    await this.caller.call(by.username, 'cases:setStatus', {
      id: file.id,
      status: 'closed',
      note: 'Clôture après revue des dossiers: sans nouvelles de la personne.',
      closureReason: 'lost_contact',
      outcome: this.rng.chance(0.7) ? 'not_applicable' : 'no_decision',
      confirmOpen: left,
    });
    file.status = 'closed';
    this.counts.reviewClosings += 1;
  }
}
