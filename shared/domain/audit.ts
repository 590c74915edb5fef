/**
 * The audit log's vocabulary (issue #10, item 5). Every entry's `action` is a channel name
 * (`cases:get`) or one of the core's own events below. A supervisor reads them as sentences
 * ("opened the case RBT-2026-00012"): each action has a phrase in the catalogs under
 * `auditLog.actions.<action with ":" as "_">` (":" separates namespaces in i18next), and a
 * category to filter by. A test checks that every channel and event has both.
 */
export const AUDIT_CATEGORIES = ['views', 'changes', 'documents', 'signIns', 'administration', 'searches'] as const;
export type AuditCategory = (typeof AUDIT_CATEGORIES)[number];

export const AUDIT_OUTCOMES = ['ok', 'denied', 'failed'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** Audited events that are not channels: written by the core itself. */
export const CORE_EVENTS = ['auth:autoLock', 'auth:loginFailed', 'auth:unlockFailed', 'auth:recoverFailed', 'auth:sessionEnded', 'auth:windowClosed', 'storeCheck:result', 'backup:result'] as const;

export const ACTION_CATEGORIES: Readonly<Record<string, AuditCategory>> = {
  'setup:status': 'administration',
  'setup:initialize': 'administration',
  'setup:setAside': 'administration',
  'setup:restore': 'administration',
  'auth:session': 'signIns',
  'auth:login': 'signIns',
  'auth:recover': 'signIns',
  'auth:unlock': 'signIns',
  'auth:signOut': 'signIns',
  'auth:lock': 'signIns',
  'auth:autoLock': 'signIns',
  'auth:loginFailed': 'signIns',
  'auth:unlockFailed': 'signIns',
  'auth:recoverFailed': 'signIns',
  'auth:sessionEnded': 'signIns',
  'auth:windowClosed': 'signIns',
  'auth:activity': 'signIns',
  'auth:changePassword': 'signIns',
  'auth:setLanguage': 'signIns',
  'accounts:list': 'administration',
  'accounts:create': 'administration',
  'accounts:deactivate': 'administration',
  'accounts:reactivate': 'administration',
  'accounts:resetPassword': 'administration',
  'settings:get': 'administration',
  'settings:update': 'administration',
  'audit:list': 'administration',
  'audit:count': 'administration',
  'audit:verify': 'administration',
  'audit:export': 'documents',
  'beneficiaries:candidates': 'searches',
  'beneficiaries:create': 'changes',
  'beneficiaries:update': 'changes',
  'beneficiaries:get': 'views',
  'beneficiaries:list': 'views',
  'beneficiaries:count': 'views',
  'beneficiaries:linkHousehold': 'changes',
  'beneficiaries:unlinkHousehold': 'changes',
  'beneficiaries:merge': 'changes',
  'beneficiaries:unmerge': 'changes',
  'beneficiaries:merges': 'views',
  'cases:create': 'changes',
  'cases:get': 'views',
  'cases:update': 'changes',
  'cases:list': 'views',
  'cases:count': 'views',
  'cases:newlyAssigned': 'views',
  'cases:setStatus': 'changes',
  'cases:assign': 'changes',
  'activities:list': 'views',
  'activities:create': 'changes',
  'activities:update': 'changes',
  'activities:history': 'views',
  'procedures:templates': 'views',
  'procedures:holidays': 'views',
  'procedures:list': 'views',
  'procedures:start': 'changes',
  'procedures:completeStep': 'changes',
  'procedures:overrideDue': 'changes',
  'procedures:acknowledge': 'changes',
  'procedures:saveTemplate': 'administration',
  'holidays:list': 'views',
  'holidays:save': 'administration',
  'holidays:remove': 'administration',
  'calendar:entries': 'views',
  'work:mine': 'views',
  'work:team': 'views',
  'hearings:list': 'views',
  'hearings:create': 'changes',
  'hearings:record': 'changes',
  'tasks:list': 'views',
  'tasks:create': 'changes',
  'tasks:setDone': 'changes',
  'domains:list': 'administration',
  'domains:save': 'administration',
  'enquiries:create': 'changes',
  'enquiries:list': 'views',
  'search:global': 'searches',
  'services:list': 'views',
  'services:save': 'administration',
  'partners:list': 'views',
  'partners:get': 'views',
  'partners:referrals': 'views',
  'partners:save': 'changes',
  'partners:setActive': 'changes',
  'partners:remove': 'changes',
  'partners:export': 'documents',
  'referrals:forCase': 'views',
  'referrals:prepare': 'views',
  'referrals:create': 'changes',
  'referrals:setStatus': 'changes',
  'referrals:waiting': 'views',
  'documents:referralSlip': 'documents',
  'staff:lawyers': 'views',
  'documents:intakeRecord': 'documents',
  'documents:caseSummary': 'documents',
  'documents:deadlineSheet': 'documents',
  'documents:deadlineLog': 'documents',
  'documents:attestation': 'documents',
  'documents:recoverySheet': 'documents',
  'vault:rotateRecoveryKey': 'administration',
  'storeCheck:status': 'administration',
  'storeCheck:run': 'administration',
  'storeCheck:result': 'administration',
  'backup:settings': 'administration',
  'backup:saveSettings': 'administration',
  'backup:setPassphrase': 'administration',
  'backup:run': 'administration',
  'backup:status': 'administration',
  'backup:result': 'administration',
  'restore:candidates': 'administration',
  'restore:run': 'administration',
  'restore:setAside': 'administration',
  'restore:undo': 'administration',
  'recovery:status': 'administration',
  'recovery:prove': 'administration',
};

/** The actions of a category, for the core's filter. */
export function actionsOf(category: AuditCategory): string[] {
  return Object.entries(ACTION_CATEGORIES)
    .filter(([, c]) => c === category)
    .map(([action]) => action);
}

/** The catalog key of an action's phrase, or null for an action this version does not know. */
export function actionPhraseKey(action: string): string | null {
  return Object.hasOwn(ACTION_CATEGORIES, action) ? `auditLog.actions.${action.replace(':', '_')}` : null;
}
