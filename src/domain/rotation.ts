/**
 * Rotation: one support point of contact per sprint, taking turns.
 *
 * The turn is positional: the i-th sprint of the board (oldest first) gets roster[i mod n]. Deriving
 * the contact from the sprint's position, rather than storing "whose turn is next", makes the
 * answer the same whenever and however often it is asked, and needs no state that could drift.
 *
 * An override replaces the contact for that one sprint only; it does not shift the turn of any
 * other sprint (the person skipped is not owed a turn, and nobody after them moves). An override
 * also answers for a sprint the rotation cannot place (not in the list).
 *
 * Invariant (property-tested): without overrides, any n consecutive sprints give every member of a
 * roster of n a turn.
 */

export interface Rotation {
  /** accountIds in turn order. A person listed twice takes two turns per cycle. */
  readonly roster: readonly string[];
  /** sprintId (as a string key, as JSON stores it) → accountId. */
  readonly overrides: Readonly<Record<string, string>>;
}

export interface SupportContact {
  readonly accountId: string;
  readonly source: 'rotation' | 'override';
}

export interface UpcomingContact {
  /** The sprint, or null for a turn beyond the sprints the board has created so far. */
  readonly sprintId: number | null;
  readonly contact: SupportContact | null;
}

export const EMPTY_ROTATION: Rotation = { roster: [], overrides: {} };

/** The override for a sprint, if one is set. A blank accountId is no override (a cleared field). */
function overrideFor(rotation: Rotation, sprintId: number): SupportContact | null {
  // Keys are decimal sprint ids, so they can never collide with an Object.prototype member.
  const accountId = rotation.overrides[String(sprintId)];
  return accountId !== undefined && accountId.trim() !== '' ? { accountId, source: 'override' } : null;
}

/** Whose turn is the sprint at this position of the board's sprint list. */
function inTurn(rotation: Rotation, position: number): SupportContact | null {
  const n = rotation.roster.length;
  if (n === 0) return null;
  return { accountId: rotation.roster[position % n] as string, source: 'rotation' };
}

/**
 * Sprint ids in turn order. A repeated id keeps its first position, so a duplicate in the board's
 * list cannot push everyone after it back by one turn.
 */
const turnOrder = (sprintIds: readonly number[]): number[] => [...new Set(sprintIds)];

/**
 * The support contact of a sprint: its override if set, else whose turn it is.
 * Null when there is no override and either the roster is empty or the sprint is not in `sprintIds`
 * (the board's sprints in start order, oldest first).
 */
export function supportContact(
  rotation: Rotation,
  sprintIds: readonly number[],
  sprintId: number,
): SupportContact | null {
  const override = overrideFor(rotation, sprintId);
  if (override) return override;
  const position = turnOrder(sprintIds).indexOf(sprintId);
  return position < 0 ? null : inTurn(rotation, position);
}

/**
 * The contacts of `count` sprints starting at `fromSprintId` (included), for the settings page
 * preview. Past the last sprint the board has created, the turn keeps going with `sprintId: null`
 * (overrides cannot apply to a sprint that does not exist yet). Returns `[]` when `fromSprintId`
 * is not in the list: the rotation cannot say where the turn stands.
 *
 * @throws RangeError when count is not a non-negative integer.
 */
export function upcomingContacts(
  rotation: Rotation,
  sprintIds: readonly number[],
  fromSprintId: number,
  count: number,
): UpcomingContact[] {
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(`count must be a non-negative integer, got ${count}`);
  }
  const order = turnOrder(sprintIds);
  const from = order.indexOf(fromSprintId);
  if (from < 0) return [];
  return Array.from({ length: count }, (_, offset) => {
    const position = from + offset;
    const sprintId = order[position];
    if (sprintId === undefined) return { sprintId: null, contact: inTurn(rotation, position) };
    return { sprintId, contact: overrideFor(rotation, sprintId) ?? inTurn(rotation, position) };
  });
}
