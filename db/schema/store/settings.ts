/** Clinic-wide settings as key/value JSON, e.g. idle_lock_minutes. */
export interface SettingsTable {
  key: string;
  value: string;
}
