/**
 * Values spliced into JQL. Settings hold free text (issue type names such as `Support request`), and
 * JQL treats quotes, backslashes and reserved words specially, so every such value goes in as a
 * quoted, escaped string literal. Dates go in as `yyyy-MM-dd` (UTC), a format every Jira site
 * accepts; callers widen the range by a day and filter exactly in the domain, because Jira reads the
 * date in the searching user's time zone.
 */
const DAY_MS = 86_400_000;

/** A JQL string literal: `Bug` → `"Bug"`, `a"b` → `"a\"b"`. */
export function jqlString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** `("Bug", "Incident")` for an `in` clause; undefined for an empty list (JQL forbids `in ()`). */
export function jqlList(values: readonly string[]): string | undefined {
  return values.length === 0 ? undefined : `(${values.map(jqlString).join(', ')})`;
}

/** The UTC day before the instant, as a quoted JQL date: a lower bound that is safe in any time zone. */
export function jqlDayBefore(ms: number): string {
  return jqlString(new Date(ms - DAY_MS).toISOString().slice(0, 10));
}
