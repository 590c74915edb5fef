import { useCallback, useEffect, useState } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';

/**
 * Unsaved work that must survive a lock (issue #10): a half-filled intake form, an open case
 * edit, and which step or dialog the page was on. The lock unmounts every page (no record
 * stays in the DOM behind the lock screen), so what was typed is kept here, in this window's
 * memory only: never in storage, never on disk, and dropped on sign-out or when another
 * account signs in on the window (App.tsx). Nothing leaves the renderer.
 */
const drafts = new Map<string, unknown>();
let owner: number | null = null;

/** Forgets every draft (sign-out, session gone). */
export function dropAllDrafts(): void {
  drafts.clear();
  owner = null;
}

/** Drafts belong to one account: another account signing in on the window starts clean. */
export function claimDrafts(accountId: number): void {
  if (owner !== accountId) drafts.clear();
  owner = accountId;
}

/** Forgets the drafts whose key starts with `prefix` (the work was saved or abandoned). */
export function dropDrafts(prefix: string): void {
  for (const key of [...drafts.keys()]) if (key.startsWith(prefix)) drafts.delete(key);
}

/** Whether anything is kept (tests and the sign-out confirmation look at it). */
export function draftCount(): number {
  return drafts.size;
}

/** useState whose value outlives the component until dropped: a page's step or open dialog. */
export function useDraftState<T>(key: string, initial: T): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(() => (drafts.has(key) ? (drafts.get(key) as T) : initial));
  const set = useCallback(
    (next: T) => {
      drafts.set(key, next);
      setValue(next);
    },
    [key],
  );
  return [value, set];
}

/**
 * Keeps a react-hook-form form's values under `key` as they are typed, and puts them back
 * when the form mounts again (after an unlock). The form's defaults stay its defaults, so
 * "dirty" still means "changed from the record".
 */
export function useFormDraft<T extends FieldValues>(key: string, form: UseFormReturn<T, unknown, unknown>): void {
  useEffect(() => {
    const kept = drafts.get(key) as T | undefined;
    if (kept) form.reset(kept, { keepDefaultValues: true });
    const subscription = form.watch((values) => drafts.set(key, structuredClone(values)));
    return () => subscription.unsubscribe();
  }, [form, key]);
}
