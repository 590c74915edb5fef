/**
 * Legal and administrative procedures on a case (issue #12): started from a template whose
 * steps may carry a deadline rule. Templates are data, versioned; a procedure keeps the version
 * it started with (its steps and rules are copied into it).
 */
import type { DeadlineCounting } from '../deadlines/rules';

export type Names = { readonly ar: string; readonly fr: string; readonly en: string };

export const NOTIFICATION_MODES = ['in_person', 'in_writing', 'oral'] as const;
export type NotificationMode = (typeof NOTIFICATION_MODES)[number];

export const PROCEDURE_STATUSES = ['open', 'closed'] as const;

/** What starts a step's deadline: the notification of the decision, or another step's completion. */
export type StepTrigger = { readonly kind: 'notification' } | { readonly kind: 'step'; readonly step: string };

export interface StepRule {
  readonly trigger: StepTrigger;
  readonly amount: number;
  readonly counting: DeadlineCounting;
  readonly rollToWorkingDay: boolean;
  readonly warnDaysBefore: number;
  /** A short legal basis shown next to the due date ("Loi 02-03, art. 23"). */
  readonly basis: string;
}

export interface TemplateStep {
  /** Stable within the template: other steps' rules name it. */
  readonly key: string;
  readonly name: Names;
  readonly rule: StepRule | null;
}

export interface TemplateDefinition {
  readonly code: string;
  readonly name: Names;
  /** What the trigger date is called on the form: a notification, or a birth. */
  readonly triggerName: Names;
  readonly steps: readonly TemplateStep[];
}

/** Why a template's steps do not hang together, or null when they do. */
export function templateProblem(steps: readonly TemplateStep[]): { step: number; problem: 'duplicateKey' | 'missingTrigger' | 'selfTrigger' | 'cycle' } | null {
  const keys = new Map<string, number>();
  for (const [i, s] of steps.entries()) {
    if (keys.has(s.key)) return { step: i, problem: 'duplicateKey' };
    keys.set(s.key, i);
  }
  for (const [i, s] of steps.entries()) {
    const trigger = s.rule?.trigger;
    if (trigger?.kind !== 'step') continue;
    if (trigger.step === s.key) return { step: i, problem: 'selfTrigger' };
    if (!keys.has(trigger.step)) return { step: i, problem: 'missingTrigger' };
  }
  // Follow each chain of triggers: it must end at the notification, never loop.
  for (const [i, s] of steps.entries()) {
    const seen = new Set<string>([s.key]);
    let at: TemplateStep | undefined = s;
    while (at?.rule?.trigger.kind === 'step') {
      const next: string = at.rule.trigger.step;
      if (seen.has(next)) return { step: i, problem: 'cycle' };
      seen.add(next);
      at = steps[keys.get(next)!];
    }
  }
  return null;
}
