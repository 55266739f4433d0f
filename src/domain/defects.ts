/**
 * Net new defects of a sprint: defects opened vs defects closed inside the sprint window.
 *
 * The practice this encodes is "zero net new defects per sprint": a team that closes as many defects
 * as it lets in is not building up a hidden support debt. `net` may be negative (the team paid
 * defects down) and that is good news, never clamped away.
 *
 * Invariants (property-tested):
 * - `net === opened - closed`;
 * - `opened` and `closed` never exceed the number of distinct defect tickets given;
 * - windows are half-open, [startMs, endMs): a defect created exactly at the end of one sprint
 *   belongs to the next one, never to both.
 */
import { inWindow, type SprintWindow } from './calendar';
import type { Ticket } from './ticket';

/** Which issue types count as defects (compared trimmed and case-insensitively). */
export interface DefectRules {
  readonly defectTypes: readonly string[];
}

export const DEFAULT_DEFECT_RULES: DefectRules = { defectTypes: ['Bug'] };

export interface DefectCount {
  readonly opened: number;
  readonly closed: number;
  /** opened − closed; negative when the team closed more defects than it let in. */
  readonly net: number;
}

const norm = (s: string): string => s.trim().toLowerCase();

/** Is this ticket a defect under these rules? */
export function isDefect(ticket: Pick<Ticket, 'issueType'>, rules: DefectRules = DEFAULT_DEFECT_RULES): boolean {
  const type = norm(ticket.issueType);
  return rules.defectTypes.some((t) => norm(t) === type);
}

/**
 * Count the defects opened and closed inside the window. A ticket listed more than once (the same
 * issue returned by two searches) is counted once, by its id: the count is about issues, not rows.
 * A defect both created and resolved inside the window counts as opened and as closed, so it
 * nets to zero — it came and went within the sprint.
 */
export function netNewDefects(
  tickets: readonly Ticket[],
  window: SprintWindow,
  rules: DefectRules = DEFAULT_DEFECT_RULES,
): DefectCount {
  const seen = new Set<string>();
  let opened = 0;
  let closed = 0;
  for (const ticket of tickets) {
    if (seen.has(ticket.id) || !isDefect(ticket, rules)) continue;
    seen.add(ticket.id);
    if (inWindow(ticket.createdMs, window)) opened += 1;
    if (inWindow(ticket.resolvedMs, window)) closed += 1;
  }
  return { opened, closed, net: opened - closed };
}
