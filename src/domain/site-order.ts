/**
 * Value maps from the site's own order (issue 16, item 2). A Jira site lists its priorities in the
 * order its scheme ranks them, highest first ("the order in which the priorities are shown in the
 * priority scheme, and in the dropdown menu", Atlassian's priority schemes announcement:
 * "The order of priorities"; read in the Atlassian Community's copy at
 * https://d1vleatwv9p3yc.cloudfront.net/forums/Jira-Cloud-Admins-articles/Announcing-Priority-Schemes-in-Jira/bc-p/2813338),
 * and a select field lists its options in the order an admin put them. That order says more about a
 * value than its name does: on a Blocker / Critical / Major / Minor / Trivial scheme, Critical is the
 * second level, though the built-in name map calls it P1; "Normal" is in no name map at all.
 *
 * So while a project keeps the built-in map (nobody mapped the values in the settings), its levels come
 * from the site's order, and the built-in names stay as the fallback for values the order does not
 * list. A map an admin edited is theirs and is used as it is.
 *
 * Levels from an order (`levelsFromOrder`):
 * - when every value names its own level by the built-in rules ("Highest", "P2 - High", "Sev 3") and
 *   no two name the same one, those levels are kept: the values say what they are, whichever way the
 *   list runs (a High / Medium / Low scheme has no P1: "High" is not an emergency on any site);
 * - otherwise by position, highest first: with as many values as levels or fewer, the n-th value is the
 *   n-th level; with more, the first is the top level, the last the bottom one, and those between
 *   share the levels between, in order. By position the levels never go up down the list.
 */
import { canonicalToken, DEFAULT_PRIORITY_MAP, normalizePriority, PRIORITY_LEVELS, type KnownPriorityLevel, type PriorityValueMap } from './priority';
import { DEFAULT_SEVERITY_MAP, normalizeSeverity, SEVERITY_LEVELS, type KnownSeverity, type SeverityValueMap } from './severity';

/** What the site lists, highest first: the project's priorities and the Severity field's options. */
export interface SiteOrder {
  readonly priorities: readonly string[];
  readonly severities: readonly string[];
}

export const NO_SITE_ORDER: SiteOrder = { priorities: [], severities: [] };

type LevelMap<L extends string> = Readonly<Record<L, readonly string[]>>;

/** True when `map` names the same values per level as `reference` (any order, any spelling canonicalToken equates). */
export function sameMap<L extends string>(levels: readonly L[], map: LevelMap<L>, reference: LevelMap<L>): boolean {
  const tokens = (names: readonly string[]) => [...new Set(names.map(canonicalToken))].sort().join('\u0000');
  return levels.every((level) => tokens(map[level] ?? []) === tokens(reference[level]));
}

/** One kind of value: its levels (highest first), the built-in map, and the level a value names by the built-in rules. */
export interface ValueKind<L extends string> {
  readonly noun: 'Priorities' | 'Severities';
  readonly levels: readonly L[];
  readonly builtIn: LevelMap<L>;
  readonly ownLevel: (value: string) => L | 'unknown';
}

export const PRIORITY_KIND: ValueKind<KnownPriorityLevel> = { noun: 'Priorities', levels: PRIORITY_LEVELS, builtIn: DEFAULT_PRIORITY_MAP, ownLevel: (v) => normalizePriority(v) };
export const SEVERITY_KIND: ValueKind<KnownSeverity> = { noun: 'Severities', levels: SEVERITY_LEVELS, builtIn: DEFAULT_SEVERITY_MAP, ownLevel: (v) => normalizeSeverity(v) };

/** Each distinct value of `order` (first spelling kept) with its level, by the rules above. */
export function levelsFromOrder<L extends string>(kind: ValueKind<L>, order: readonly string[]): Array<{ value: string; level: L }> {
  const { levels } = kind;
  const seen = new Set<string>();
  const values = order.filter((v) => {
    const token = canonicalToken(v);
    if (token === '' || seen.has(token)) return false;
    seen.add(token);
    return true;
  });
  const own = values.map(kind.ownLevel);
  const named = own.every((l) => l !== 'unknown') && new Set(own).size === own.length;
  if (named) return values.map((value, i) => ({ value, level: own[i] as L }));
  const n = values.length;
  const k = levels.length;
  const position = (i: number): number => {
    if (n <= k) return i;
    if (i === 0) return 0;
    if (i === n - 1) return k - 1;
    return 1 + Math.floor(((i - 1) * (k - 2)) / (n - 2)); // the values between share the levels between
  };
  return values.map((value, i) => ({ value, level: levels[position(i)] as L }));
}

/**
 * The map in force: `map` as it is when an admin edited it (it differs from the built-in one) or when
 * the site's order is unknown; otherwise the order's levels, with the built-in names for values the
 * order does not list.
 */
export function effectiveMap<L extends string>(kind: ValueKind<L>, map: LevelMap<L>, order: readonly string[]): Record<L, string[]> {
  const { levels, builtIn } = kind;
  const copy = (m: LevelMap<L>) => Object.fromEntries(levels.map((l) => [l, [...m[l]]])) as Record<L, string[]>;
  if (order.length === 0 || !sameMap(levels, map, builtIn)) return copy(map);
  const ranked = levelsFromOrder(kind, order);
  const listed = new Set(ranked.map((r) => canonicalToken(r.value)));
  const result = Object.fromEntries(levels.map((l) => [l, ranked.filter((r) => r.level === l).map((r) => r.value)])) as Record<L, string[]>;
  for (const level of levels) result[level].push(...builtIn[level].filter((alias) => !listed.has(canonicalToken(alias))));
  return result;
}

export function effectivePriorityMap(map: PriorityValueMap, order: readonly string[]): Record<KnownPriorityLevel, string[]> {
  return effectiveMap(PRIORITY_KIND, map, order);
}

export function effectiveSeverityMap(map: SeverityValueMap, order: readonly string[]): Record<KnownSeverity, string[]> {
  return effectiveMap(SEVERITY_KIND, map, order);
}

/**
 * What the order decided, as a sentence, when it decided anything (the built-in map is in force and
 * the order is known), e.g. "Priorities follow the site's order: Blocker → P1, Critical → P2, …".
 */
export function siteOrderNote<L extends string>(kind: ValueKind<L>, map: LevelMap<L>, order: readonly string[]): string | undefined {
  if (order.length === 0 || !sameMap(kind.levels, map, kind.builtIn)) return undefined;
  const ranked = levelsFromOrder(kind, order);
  return `${kind.noun} follow the site's order: ${ranked.map((r) => `${r.value} → ${r.level}`).join(', ')}.`;
}

export const priorityOrderNote = (map: PriorityValueMap, order: readonly string[]): string | undefined => siteOrderNote(PRIORITY_KIND, map, order);
export const severityOrderNote = (map: SeverityValueMap, order: readonly string[]): string | undefined => siteOrderNote(SEVERITY_KIND, map, order);
