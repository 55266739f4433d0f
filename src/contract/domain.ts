/**
 * The domain's words the UI needs as they are — outcomes, the policy's shape, the priority, severity
 * and SLA levels, the reason's length limit — re-exported, so the Custom UI imports the backend only
 * through src/contract/ (the one door; the house rules check it).
 */
export { MAX_REASON_LENGTH } from '../domain/decision';
export { OUTCOMES, type Outcome } from '../domain/outcome';
export { itemList, MAX_REQUEST_LENGTH, MISSING_ITEM_WORDS, MISSING_ITEMS, type MissingItem } from '../domain/missing-information';
export type { Condition, ConditionKind, Policy, Rule } from '../domain/policy';
export { PRIORITY_LEVELS, type PriorityLevel } from '../domain/priority';
export { SEVERITY_LEVELS, type Severity } from '../domain/severity';
export { SLA_STATES, type SlaState } from '../domain/sla';
// Issue 12, item 7: the value-map editors show which level each of the site's names resolves to, by
// the same rules the app classifies tickets with.
export { canonicalToken, normalizePriority } from '../domain/priority';
export { normalizeSeverity } from '../domain/severity';
// Issue 16, item 2: while the maps are the built-in ones, the site's order decides; the editors show that.
export { effectivePriorityMap, effectiveSeverityMap, priorityOrderNote, severityOrderNote } from '../domain/site-order';
export { supportContact } from '../domain/rotation';
export { factChangeText, verdictChangeText, type FactChange, type VerdictChange, type VerdictFacts } from '../domain/verdict-change';
// Issue 14, item 2: the retrospective names each follow-up the way the panel does.
export { FOLLOW_UP_LABELS, type FollowUpShare } from '../domain/follow-ups';
