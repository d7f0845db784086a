// R-DAY-10 appointments: a visit (上门) or callback (回电) agreed with the resident for a time window.
// scheduled → done | missed | cancelled; a missed one records whose side missed it and is reported.

export const appointmentKinds = ['visit', 'callback'] as const;
export const appointmentStates = ['scheduled', 'done', 'missed', 'cancelled'] as const;
export const missedBy = ['resident', 'staff'] as const;

export type AppointmentState = (typeof appointmentStates)[number];

/** A window is a stretch of one visit or call, never longer than a day. */
export const MAX_WINDOW_MS = 24 * 3_600_000;
