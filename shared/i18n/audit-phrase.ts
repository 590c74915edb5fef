import { actionPhraseKey } from '../domain/audit';
import type { Messages } from './en';

/**
 * An audit entry's action as a phrase in one language: "opened the case RBT-2026-00012".
 * The screen and the CSV export use the same words. `isolate` wraps the record's name in a
 * first-strong isolate for display (a Latin name in an Arabic sentence keeps its punctuation
 * in place); files keep the plain name, as spreadsheet software shows isolates as boxes.
 */
export function auditPhrase(messages: Messages, action: string, subject: string, isolate: boolean): string {
  const key = actionPhraseKey(action);
  const actions: Readonly<Record<string, string>> = messages.auditLog.actions;
  const template = key ? actions[action.replace(':', '_')] : undefined;
  if (template === undefined) return messages.auditLog.unknownAction.replace('{{action}}', action);
  const name = subject ? (isolate ? `\u2068${subject}\u2069` : subject) : '—';
  return template.replace('{{subject}}', name);
}
