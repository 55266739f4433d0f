/**
 * Severity: the canonical S1..S4 (S1 worst) read from a Severity custom field.
 *
 * Jira has no system Severity field; every site invents its own option names ("Sev 1", "SEV-1",
 * "1 - Critical", "Blocker"…). Normalisation is tolerant of case and punctuation, and strict about
 * meaning: a value it does not recognise is `unknown`, never a guess.
 */
import { canonicalToken } from './priority';

export const SEVERITY_LEVELS = ['S1', 'S2', 'S3', 'S4'] as const;
export type KnownSeverity = (typeof SEVERITY_LEVELS)[number];
export type Severity = KnownSeverity | 'unknown';

/** Value map: canonical severity → the option names that mean it (compared canonicalised). */
export type SeverityValueMap = Readonly<Record<KnownSeverity, readonly string[]>>;

export const DEFAULT_SEVERITY_MAP: SeverityValueMap = {
  S1: ['Critical', 'Blocker', 'Urgent', 'Sev 1', 'S1', '1'],
  S2: ['Major', 'High', 'Sev 2', 'S2', '2'],
  S3: ['Moderate', 'Medium', 'Minor', 'Sev 3', 'S3', '3'],
  S4: ['Low', 'Trivial', 'Cosmetic', 'Sev 4', 'S4', '4'],
};

/** A leading number, optionally prefixed by "s", "sev" or "severity": "Sev-2", "S2", "2 - High". */
const LEADING_LEVEL = /^\s*(?:sev(?:erity)?|s)?\s*[-_.:#]?\s*([1-4])(?![0-9])/i;

/**
 * Normalise a severity value. First the whole value, canonicalised, against the map ("SEV-1",
 * "sev 1" and "Sev1" are all "sev1"); then a leading level, so "1 - Critical" and "Sev 2 (major)"
 * resolve by their number. Words after the number are ignored when the number is present.
 */
export function normalizeSeverity(
  value: string | number | null | undefined,
  map: SeverityValueMap = DEFAULT_SEVERITY_MAP,
): Severity {
  if (value === null || value === undefined) return 'unknown';
  const text = String(value);
  const token = canonicalToken(text);
  if (token === '') return 'unknown';
  for (const level of SEVERITY_LEVELS) {
    if (map[level].some((alias) => canonicalToken(alias) === token)) return level;
  }
  const leading = LEADING_LEVEL.exec(text);
  if (leading) return `S${leading[1]}` as KnownSeverity;
  return 'unknown';
}
