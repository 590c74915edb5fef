import { useEffect, useRef, useState } from 'react';
import { call } from './api';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;
/** How often, at most, user activity is reported to the core (which enforces the lock itself). */
const REPORT_EVERY_MS = 30_000;
/** The "still there?" warning comes this long before the lock (half the delay when it is shorter). */
export const WARN_BEFORE_MS = 60_000;

/**
 * Locks after `minutes` without keyboard, mouse or touch input. The core keeps its own idle
 * timer too; this one makes the screen disappear on time even when no call is made.
 * Returns the seconds left while the warning shows (null otherwise): an interview through an
 * interpreter can go minutes without a key press, so the lock is announced first, and any
 * key or click keeps the session.
 */
export function useIdleLock(minutes: number, onIdle: () => void): number | null {
  const onIdleRef = useRef(onIdle);
  onIdleRef.current = onIdle;
  const [left, setLeft] = useState<number | null>(null);
  useEffect(() => {
    const total = minutes * 60_000;
    const warnAt = total - Math.min(WARN_BEFORE_MS, total / 2);
    let deadline = 0;
    let lockTimer = 0;
    let warnTimer = 0;
    let tick = 0;
    let warning = false;
    let lastReport = Date.now();
    const stopWarning = () => {
      window.clearInterval(tick);
      warning = false;
      setLeft(null);
    };
    const arm = () => {
      window.clearTimeout(lockTimer);
      window.clearTimeout(warnTimer);
      deadline = Date.now() + total;
      lockTimer = window.setTimeout(() => {
        stopWarning();
        onIdleRef.current();
      }, total);
      warnTimer = window.setTimeout(() => {
        warning = true;
        const show = () => setLeft(Math.max(0, Math.ceil((deadline - Date.now()) / 1000)));
        show();
        tick = window.setInterval(show, 1000);
      }, warnAt);
    };
    const activity = () => {
      // Answering the warning always reaches the core: its own timer must be reset too.
      const force = warning;
      if (warning) stopWarning();
      arm();
      if (force || Date.now() - lastReport > REPORT_EVERY_MS) {
        lastReport = Date.now();
        void call('auth:activity', {}).catch(() => undefined);
      }
    };
    arm();
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, activity, { passive: true });
    return () => {
      window.clearTimeout(lockTimer);
      window.clearTimeout(warnTimer);
      window.clearInterval(tick);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, activity);
    };
  }, [minutes]);
  return left;
}
