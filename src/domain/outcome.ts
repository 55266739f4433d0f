/**
 * What the interrupt policy (or the product owner) decides for a ticket.
 * - `interrupt`: may enter the active sprint now;
 * - `backlog`: goes to the product backlog for the next sprint planning;
 * - `needs-info`: the product owner must judge (e.g. the ticket is not classified).
 */
export const OUTCOMES = ['interrupt', 'backlog', 'needs-info'] as const;
export type Outcome = (typeof OUTCOMES)[number];
