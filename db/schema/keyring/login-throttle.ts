/** Failed-attempt counters per username lookup, kept across restarts so waiting out a delay needs real time. */
export interface LoginThrottleTable {
  lookup: string;
  failures: number;
  last_failure_at: string;
}
