/**
 * The settings page's draft: what the admin is editing, and the pure operations on it (rule order,
 * new rule ids, condition defaults, where a validation message belongs). No React here.
 */
import type { EditableSettings } from '../../../../src/contract/settings';
import type { Condition, ConditionKind, Policy, Rule } from '../../../../src/contract/domain';

export interface Draft {
  readonly settings: EditableSettings;
  readonly policy: Policy;
}

/** Validation messages by dot-separated path, as the resolver sends them (e.g. `settings.allocationPct`). */
export type FieldErrors = Readonly<Record<string, string>>;

/** The message for exactly this path, or for anything beneath it. */
export function errorAt(errors: FieldErrors, path: string): string | undefined {
  if (errors[path] !== undefined) return errors[path];
  const prefix = `${path}.`;
  const key = Object.keys(errors).find((k) => k.startsWith(prefix));
  return key === undefined ? undefined : errors[key];
}

/** The outcomes' words are every surface's (components/outcome.tsx). */
export { OUTCOME_LABEL as OUTCOME_LABELS } from '../../components/outcome';

export const CONDITION_LABELS: Readonly<Record<ConditionKind, string>> = {
  'priority-in': 'Priority is',
  'severity-in': 'Severity is',
  'sla-in': 'SLA state is',
  'issue-type-in': 'Issue type is',
  'labels-any': 'Has any label',
  'components-any': 'In any component',
  'is-support': 'Is a support ticket',
};

export const CONDITION_KIND_LIST = Object.keys(CONDITION_LABELS) as readonly ConditionKind[];

/** A new condition of a kind, with a sensible first value (free-text kinds start empty and ask for one). */
export function newCondition(kind: ConditionKind): Condition {
  switch (kind) {
    case 'priority-in':
      return { kind, levels: ['P1'] };
    case 'severity-in':
      return { kind, levels: ['S1'] };
    case 'sla-in':
      return { kind, states: ['breached'] };
    case 'issue-type-in':
      return { kind, types: [] };
    case 'labels-any':
      return { kind, labels: [] };
    case 'components-any':
      return { kind, components: [] };
    case 'is-support':
      return { kind, value: true };
  }
}

/** A rule id that is valid (`^[a-z0-9][a-z0-9-]{0,39}$`) and unused in the policy. */
export function newRuleId(policy: Policy): string {
  const used = new Set(policy.rules.map((r) => r.id));
  let n = policy.rules.length + 1;
  while (used.has(`rule-${n}`)) n++;
  return `rule-${n}`;
}

export function newRule(policy: Policy): Rule {
  return { id: newRuleId(policy), name: `Rule ${policy.rules.length + 1}`, conditions: [newCondition('labels-any')], outcome: 'interrupt' };
}

/** Move the item at `index` by `delta` places (rules, roster); out-of-range moves leave the list as it is. */
export function moveItem<T>(list: readonly T[], index: number, delta: -1 | 1): readonly T[] {
  const target = index + delta;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return list;
  const next = [...list];
  const [item] = next.splice(index, 1);
  next.splice(target, 0, item as T);
  return next;
}

export function replaceAt<T>(list: readonly T[], index: number, item: T): readonly T[] {
  return list.map((x, i) => (i === index ? item : x));
}

export function removeAt<T>(list: readonly T[], index: number): readonly T[] {
  return list.filter((_, i) => i !== index);
}

/** "a, b ,c," → ["a", "b", "c"]: how list fields (issue types, labels, dates) are typed. */
export function parseList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export const sameDraft = (a: Draft, b: Draft): boolean => JSON.stringify(a) === JSON.stringify(b);

const FIELD_NAMES: Readonly<Record<string, string>> = {
  'settings.allocationPct': 'Allocation',
  'settings.historySprints': 'History sprints',
  'settings.capacity.teamSize': 'Team size',
  'settings.capacity.focusHoursPerDay': 'Focus hours per day',
  'settings.capacity.timeZone': 'Time zone',
  'settings.capacity.workingWeekdays': 'Working weekdays',
  'settings.capacity.nonWorkingDates': 'Non-working dates',
  'settings.capacity.unestimatedPoints': 'Unestimated points',
  'settings.supportFilter.issueTypes': 'Support issue types',
  'settings.supportFilter.labels': 'Support labels',
  'settings.severityFieldId': 'Severity field',
  'settings.storyPointsFieldId': 'Story points field',
  'settings.slaAtRiskHours': 'SLA at risk below',
  'settings.labels.interrupt': 'Label for interrupts',
  'settings.labels.deferred': 'Label for deferred tickets',
  'settings.needsInfo.label': 'Label for tickets waiting for information',
  'settings.wipLimit': 'WIP limit',
  'settings.wipStatusIds': 'Statuses that count as in progress',
  'settings.rotation.roster': 'Rotation',
  'policy.defaultOutcome': 'Default outcome',
};

/** A validation path in the words of the form: `policy.rules.2.conditions.0.labels` → "Rule 3, condition 1". */
export function fieldName(path: string): string {
  const known = Object.keys(FIELD_NAMES).find((k) => path === k || path.startsWith(`${k}.`));
  if (known) return FIELD_NAMES[known] as string;
  const rule = /^policy\.rules\.(\d+)(?:\.conditions\.(\d+))?/.exec(path);
  if (rule) return `Rule ${Number(rule[1]) + 1}${rule[2] !== undefined ? `, condition ${Number(rule[2]) + 1}` : ''}`;
  return path;
}
