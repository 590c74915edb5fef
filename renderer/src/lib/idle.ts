import { useEffect, useRef } from 'react';
import { call } from './api';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;
/** How often, at most, user activity is reported to the core (which enforces the lock itself). */
const REPORT_EVERY_MS = 30_000;

/**
 * Locks after `minutes` without keyboard, mouse or touch input. The core keeps its own idle
 * timer too; this one makes the screen disappear on time even when no call is made.
 */
export function useIdleLock(minutes: number, onIdle: () => void): void {
  const onIdleRef = useRef(onIdle);
  onIdleRef.current = onIdle;
  useEffect(() => {
    let timer = window.setTimeout(() => onIdleRef.current(), minutes * 60_000);
    let lastReport = Date.now();
    const activity = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => onIdleRef.current(), minutes * 60_000);
      if (Date.now() - lastReport > REPORT_EVERY_MS) {
        lastReport = Date.now();
        void call('auth:activity', {}).catch(() => undefined);
      }
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, activity, { passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, activity);
    };
  }, [minutes]);
}
