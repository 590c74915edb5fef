/** Staff roles. The core enforces them on every channel; the UI only hides what a role cannot use. */
export const ROLES = ['intake', 'lawyer', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];
