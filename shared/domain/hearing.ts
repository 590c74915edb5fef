/** Hearings and appointments on a case (issue #12): a court hearing, an interview, an appointment. */
export const HEARING_KINDS = ['court_hearing', 'unhcr_interview', 'refugee_office_interview', 'prefecture_appointment', 'other'] as const;
export type HearingKind = (typeof HEARING_KINDS)[number];

/** Scheduled until it is held, adjourned (to a next hearing made in the same step) or cancelled. */
export const HEARING_STATUSES = ['scheduled', 'held', 'adjourned', 'cancelled'] as const;
export type HearingStatus = (typeof HEARING_STATUSES)[number];

/** How far ahead a hearing may be set: beyond, a typing slip is likelier than a calendar. */
export const MAX_HEARING_YEARS_AHEAD = 5;
