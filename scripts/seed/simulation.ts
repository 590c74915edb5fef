/**
 * One clinic day after another: each intake registers a person (or finds a returning one),
 * sometimes their household, and opens a case; the case's later steps are queued and
 * played by the right person at their date (supervisor assigns, the assigned lawyer opens,
 * waits, closes, reopens). Some people are registered twice under another spelling, and
 * a supervisor merges part of those duplicates. People who refuse a record leave an
 * anonymous enquiry instead.
 */
import type { BeneficiaryInput } from '../../shared/contract/beneficiaries';
import type { CreateCaseInput } from '../../shared/contract/cases';
import type { LegalStatus, Relation } from '../../shared/domain/beneficiary';
import type { CaseStatus } from '../../shared/domain/case';
import { channelOf, closureOf, domainCodes, enquiryOf, followUp, lifecycle, summaryOf, urgencyOf, type Step } from './cases';
import type { FollowUp, PlannedStatus } from './follow-up';
import { beneficiaryInput, mobileDigits, newHousehold, personSpec, PROFILE_WEIGHTS, type Household, type PersonSpec } from './people';
import type { Rng } from './rng';
import type { Caller, StaffMember } from './staff';
import { DAY_MS, MINUTE_MS, workingTime, type StepQueue } from './timeline';

interface Person {
  id: number;
  spec: PersonSpec;
  status: LegalStatus;
  languages: string[];
  home: Household;
  registeredAt: number;
  /** A look-alike second registration of someone already known. */
  duplicate: boolean;
  merged: boolean;
}

interface CaseFile {
  id: number;
  lawyer: StaffMember | null;
  fields: Omit<CreateCaseInput, 'beneficiaryId' | 'assignedLawyerId'>;
  person: Person;
  codes: string[];
  /** Who opened it (intake staff see the cases they opened), when, and where it stands now. */
  desk: StaffMember;
  intakeAt: number;
  status: CaseStatus;
}

export interface SimCounts {
  beneficiaries: number;
  cases: number;
  householdLinks: number;
  duplicates: number;
  merges: number;
  enquiries: number;
  statusChanges: number;
  assignments: number;
  caseUpdates: number;
  beneficiaryUpdates: number;
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export class Simulation {
  readonly counts: SimCounts = { beneficiaries: 0, cases: 0, householdLinks: 0, duplicates: 0, merges: 0, enquiries: 0, statusChanges: 0, assignments: 0, caseUpdates: 0, beneficiaryUpdates: 0 };
  private readonly people: Person[] = [];
  private readonly originals: Person[] = [];
  private readonly lawyers: StaffMember[];
  private readonly intakes: StaffMember[];
  private readonly supervisors: StaffMember[];

  constructor(
    private readonly rng: Rng,
    private readonly caller: Caller,
    private readonly queue: StepQueue,
    team: StaffMember[],
    private readonly domainIds: ReadonlyMap<string, number>,
    private readonly followUp: FollowUp,
  ) {
    this.lawyers = team.filter((s) => s.role === 'lawyer');
    this.intakes = team.filter((s) => s.role === 'intake');
    this.supervisors = team.filter((s) => s.role === 'supervisor');
  }

  /** Intake slots still ahead, less those already given to children's files. */
  spareSlots = 0;
  private skipIntakes = 0;

  get pendingSkips(): number {
    return this.skipIntakes;
  }

  /** One person at the desk at `at`: registered (or found again), and a case opened. */
  async intake(at: number): Promise<void> {
    if (this.skipIntakes > 0) {
      this.skipIntakes -= 1;
      return;
    }
    const rng = this.rng;
    // Supervisors also take intakes, and assign the lawyer straight away when they do.
    const desk = rng.chance(0.12) ? rng.pick(this.supervisors) : rng.pick(this.intakes);
    let person: Person | undefined;
    if (this.people.length > 50 && rng.chance(0.17)) {
      // Returning people are mostly recent ones.
      const u = rng.fr.number.float();
      const candidate = this.people[this.people.length - 1 - Math.floor(u * u * this.people.length)];
      if (candidate && !candidate.merged) person = candidate;
    }
    person ??= await this.register(desk, at);
    await this.openCase(desk, person, at);
    if (rng.chance(0.18)) this.queue.push(at + rng.int(5, 240) * MINUTE_MS, () => this.enquiry());
  }

  private async register(desk: StaffMember, at: number): Promise<Person> {
    const rng = this.rng;
    const original = this.originals.length > 100 && rng.chance(0.025) ? rng.pick(this.originals) : undefined;
    if (original) return this.registerDuplicate(desk, original, at);
    const profile = rng.weighted(PROFILE_WEIGHTS);
    const spec = personSpec(rng, profile);
    const head = await this.createPerson(desk, spec, newHousehold(rng), at, false);
    if (spec.age >= 20 && rng.chance(0.12)) await this.registerHousehold(desk, head, at);
    return head;
  }

  private async createPerson(desk: StaffMember, spec: PersonSpec, home: Household, at: number, duplicate: boolean): Promise<Person> {
    const input: BeneficiaryInput = beneficiaryInput(this.rng, spec, at, home, duplicate);
    const created = await this.caller.call(desk.username, 'beneficiaries:create', input);
    this.counts.beneficiaries += 1;
    const person: Person = { id: created.id, spec, status: created.fields.legalStatus, languages: created.fields.languages, home, registeredAt: at, duplicate, merged: false };
    this.people.push(person);
    if (!duplicate) this.originals.push(person);
    return person;
  }

  /** The same person registered again by someone who did not find them (another spelling). */
  private async registerDuplicate(desk: StaffMember, original: Person, at: number): Promise<Person> {
    const rng = this.rng;
    const home = { phoneDigits: rng.chance(0.5) ? original.home.phoneDigits : null, city: original.home.city };
    const age = original.spec.age + Math.floor((at - original.registeredAt) / (365 * DAY_MS));
    const dup = await this.createPerson(desk, { ...original.spec, age }, home, at, true);
    this.counts.duplicates += 1;
    if (rng.chance(0.35)) {
      const supervisor = rng.pick(this.supervisors);
      this.queue.push(workingTime(rng, at + rng.int(1, 40) * DAY_MS), async () => {
        if (dup.merged) return;
        await this.caller.call(supervisor.username, 'beneficiaries:merge', { keepId: original.id, mergeId: dup.id });
        dup.merged = true;
        this.counts.merges += 1;
      });
    }
    return dup;
  }

  /** Spouse and children registered with the head of household, and linked to them. */
  private async registerHousehold(desk: StaffMember, head: Person, at: number): Promise<void> {
    const rng = this.rng;
    const members: [PersonSpec, Relation][] = [];
    if (rng.chance(0.5)) {
      const sex = head.spec.sex === 'female' ? 'male' : 'female';
      members.push([personSpec(rng, head.spec.profile, { sex, nationality: head.spec.nationality, age: Math.max(18, head.spec.age + rng.int(-8, 4)) }), 'spouse']);
    }
    for (let n = rng.chance(0.8) ? rng.int(1, 3) : 0; n > 0; n--) {
      const family = head.spec.sex === 'male' ? head.spec.family : undefined;
      members.push([personSpec(rng, head.spec.profile, { age: rng.int(0, Math.min(17, head.spec.age - 17)), nationality: head.spec.nationality, ...(family ? { family } : {}) }), 'child']);
    }
    for (const [spec, relation] of members) {
      // Children have no phone of their own; a spouse often shares the head's number.
      const phoneDigits = relation === 'child' ? null : rng.weighted([[mobileDigits(rng), 50], [head.home.phoneDigits, 35], [null, 15]]);
      const member = await this.createPerson(desk, spec, { phoneDigits, city: head.home.city }, at, false);
      await this.caller.call(desk.username, 'beneficiaries:linkHousehold', { id: head.id, relatedId: member.id, relation });
      this.counts.householdLinks += 1;
      // Birth registration and schooling: children often get a file of their own. It takes
      // the place of a later intake, so the store ends with exactly the number of cases asked.
      if (relation === 'child' && this.spareSlots > 0 && rng.chance(0.15)) {
        this.spareSlots -= 1;
        this.skipIntakes += 1;
        await this.openCase(desk, member, at);
      }
    }
  }

  private async openCase(desk: StaffMember, person: Person, at: number): Promise<void> {
    const rng = this.rng;
    const s = person.spec;
    const codes = domainCodes(rng, s.profile, person.status, s.sex, s.age);
    const lawyerNow = desk.role === 'supervisor' && rng.chance(0.7) ? this.followUp.steer(rng.pick(this.lawyers), null) : null;
    const fields: Omit<CreateCaseInput, 'beneficiaryId' | 'assignedLawyerId'> = {
      intakeDate: isoDay(at),
      channel: channelOf(rng, codes),
      domainIds: codes.map((c) => this.domainIds.get(c)!),
      summary: summaryOf(rng, codes, at, person.home.city, person.languages),
      ...urgencyOf(rng, codes, s.age),
    };
    const created = await this.caller.call(desk.username, 'cases:create', { ...fields, beneficiaryId: person.id, assignedLawyerId: lawyerNow?.id ?? null });
    this.counts.cases += 1;
    const file: CaseFile = { id: created.id, lawyer: lawyerNow, fields, person, codes, desk, intakeAt: at, status: 'intake' };
    const plan: PlannedStatus[] = [];
    let lastStepAt = at;
    for (const step of lifecycle(rng, lawyerNow !== null)) {
      const stepAt = workingTime(rng, at + step.day * DAY_MS);
      this.queue.push(stepAt, () => this.play(file, step));
      if (step.kind === 'status') plan.push({ to: step.to, at: stepAt });
      lastStepAt = Math.max(lastStepAt, stepAt);
    }
    // Activities, procedures, hearings and tasks: their own random source (see follow-up.ts).
    await this.followUp.onIntake(file, at, plan, lastStepAt);
  }

  private async play(file: CaseFile, step: Step): Promise<void> {
    const rng = this.rng;
    const supervisor = rng.pick(this.supervisors);
    switch (step.kind) {
      case 'assign':
      case 'reassign': {
        const others = this.lawyers.filter((l) => l !== file.lawyer);
        file.lawyer = this.followUp.steer(rng.pick(others.length ? others : this.lawyers), file.lawyer);
        await this.caller.call(supervisor.username, 'cases:assign', { id: file.id, lawyerId: file.lawyer.id });
        this.counts.assignments += 1;
        return;
      }
      case 'update': {
        const actor = file.lawyer?.username ?? supervisor.username;
        file.fields = { ...file.fields, summary: `${file.fields.summary}\n\n${followUp(rng, Date.parse(file.fields.intakeDate))}`.slice(0, 8000) };
        await this.caller.call(actor, 'cases:update', { id: file.id, fields: file.fields });
        this.counts.caseUpdates += 1;
        return;
      }
      case 'status': {
        const actor = file.lawyer?.username ?? supervisor.username;
        const closing = step.to === 'closed' ? closureOf(rng, file.codes) : null;
        const note = rng.chance(0.3) ? followUp(rng, Date.parse(file.fields.intakeDate)) : '';
        // What still runs on the file is settled first; what is left, the closing confirms.
        const leftOpen = closing ? await this.followUp.beforeClose(file, file.lawyer ?? supervisor, closing.closureReason) : false;
        await this.caller.call(actor, 'cases:setStatus', {
          id: file.id,
          status: step.to,
          note,
          closureReason: closing?.closureReason ?? '',
          outcome: closing?.outcome ?? '',
          confirmOpen: leftOpen,
        });
        this.counts.statusChanges += 1;
        file.status = step.to;
        if (step.to === 'reopened') this.followUp.onReopened(file, this.caller.nowMs());
        // Recognised as a refugee: the person's record follows (status and card).
        if (closing?.outcome === 'favourable' && file.codes.includes('asylum') && file.person.status === 'asylum_seeker' && !file.person.merged) {
          await this.recognise(file.person);
        }
      }
    }
  }

  private async recognise(person: Person): Promise<void> {
    const desk = this.rng.pick(this.intakes);
    const detail = await this.caller.call(desk.username, 'beneficiaries:get', { id: person.id });
    const number = `RF${String(this.rng.int(0, 999_999)).padStart(6, '0')}`;
    const documents = [...detail.fields.documents, { type: 'refugee_card' as const, number, expiry: '' }].slice(0, 10);
    await this.caller.call(desk.username, 'beneficiaries:update', { id: person.id, fields: { ...detail.fields, legalStatus: 'refugee', documents } });
    person.status = 'refugee';
    this.counts.beneficiaryUpdates += 1;
  }

  private async enquiry(): Promise<void> {
    const e = enquiryOf(this.rng);
    await this.caller.call(this.rng.pick(this.intakes).username, 'enquiries:create', { channel: e.channel, domainId: this.domainIds.get(e.code)!, question: e.question, answer: e.answer });
    this.counts.enquiries += 1;
  }
}
