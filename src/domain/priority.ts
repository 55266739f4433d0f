/**
 * Priority level: the canonical P1..P5 read from a Jira priority name.
 *
 * Jira sites rename and add priorities freely ("Highest", "Blocker", "P1 - Critical"…), so the app never
 * compares names directly: it normalises them through a value map. Unknown names map to `unknown` — the
 * policy must be able to tell "not classified" from "low", so we never guess.
 */
export const PRIORITY_LEVELS = ['P1', 'P2', 'P3', 'P4', 'P5'] as const;
export type KnownPriorityLevel = (typeof PRIORITY_LEVELS)[number];
export type PriorityLevel = KnownPriorityLevel | 'unknown';

/** Value map: canonical level → the names (any case or punctuation) that mean it. */
export type PriorityValueMap = Readonly<Record<KnownPriorityLevel, readonly string[]>>;

export const DEFAULT_PRIORITY_MAP: PriorityValueMap = {
  P1: ['Highest', 'Blocker', 'Critical', 'P1'],
  P2: ['High', 'Major', 'P2'],
  P3: ['Medium', 'P3'],
  P4: ['Low', 'Minor', 'P4'],
  P5: ['Lowest', 'Trivial', 'P5'],
};

/** Lower-case and drop everything but letters and digits: "P-1", "p 1" and "P1" compare equal. */
export function canonicalToken(value: string): string {
  return value.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * Normalise a priority name. Tries an exact (canonicalised) match first, then a leading level
 * token such as "P1 - Critical" or "p2: high".
 */
export function normalizePriority(
  name: string | null | undefined,
  map: PriorityValueMap = DEFAULT_PRIORITY_MAP,
): PriorityLevel {
  if (name === null || name === undefined) return 'unknown';
  const token = canonicalToken(name);
  if (token === '') return 'unknown';
  for (const level of PRIORITY_LEVELS) {
    if (map[level].some((alias) => canonicalToken(alias) === token)) return level;
  }
  const leading = /^\s*p\s*[-_.]?\s*([1-5])(?![0-9])/i.exec(name);
  if (leading) return `P${leading[1]}` as KnownPriorityLevel;
  return 'unknown';
}
