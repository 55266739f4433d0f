/**
 * JQL over custom fields (by `cf[id]` or name: Severity, the story-point fields, the Sprint field,
 * the JSM SLA fields with their functions) and over indexed issue properties
 * (`issue.property[interruptBudget].outcome` and the manifest's search aliases).
 */
import { SEVERITY_OPTIONS } from '../site/catalog';
import { SEVERITY_FIELD, SPRINT_FIELD, STORY_POINT_ESTIMATE_FIELD, STORY_POINTS_FIELD, TIME_TO_FIRST_RESPONSE_FIELD, TIME_TO_RESOLUTION_FIELD } from '../site/fields';
import type { SiteIssue } from '../site/model';
import { parseDateValue } from './dates';
import type { IndexedValue } from './property-index';
import { SYSTEM_TERMS } from './system-terms';
import { EQUALITY, ORDERED, TEXT, namedTerm, notFound, numberTerm, userTerm, type SearchScope, type Term, type Value } from './term';

const pointsIn = (fieldId: string) => (issue: SiteIssue, scope: SearchScope) =>
  scope.store.boardOfProject(issue.projectId)?.estimationField.id === fieldId ? issue.points : null;

/** The JSM SLA functions, evaluated at the site's now. */
function slaTerm(fieldId: string): Term {
  const states = (issue: SiteIssue, scope: SearchScope): string[] => {
    const sla = issue.slas.find((s) => s.fieldId === fieldId);
    if (!sla) return [];
    const { ongoing } = sla;
    const remaining = (c: { goalMs: number; elapsedMs: number; measuredAtMs: number }, running: boolean) =>
      c.goalMs - c.elapsedMs - (running ? Math.max(0, scope.nowMs - c.measuredAtMs) : 0);
    const completedBreached = sla.completed.some((c) => remaining(c, false) < 0);
    const ongoingBreached = ongoing !== undefined && remaining(ongoing, !ongoing.paused) < 0;
    const last = ongoing ? ongoingBreached : sla.completed.length > 0 && remaining(sla.completed[sla.completed.length - 1] as (typeof sla.completed)[number], false) < 0;
    return [
      ...(last ? ['breached'] : []),
      ...(completedBreached || ongoingBreached ? ['everbreached'] : []),
      ...(ongoing && !ongoing.paused ? ['running'] : []),
      ...(ongoing?.paused ? ['paused'] : []),
      ...(!ongoing && sla.completed.length > 0 ? ['completed'] : []),
    ];
  };
  return {
    operators: ['=', '!=', 'is', 'is not'],
    values: states,
    literal: (text, _scope, fieldName) => {
      throw notFound(text, fieldName);
    },
    fn: (name) => (['breached', 'everbreached', 'running', 'paused', 'completed'].includes(name.toLowerCase()) ? [name.toLowerCase()] : undefined),
  };
}

export const CUSTOM_TERMS: Record<string, Term> = {
  [SEVERITY_FIELD]: namedTerm((issue) => (issue.severityId === null ? [] : [issue.severityId]), () => SEVERITY_OPTIONS.map((o) => ({ id: o.id, names: [o.value] }))),
  [STORY_POINTS_FIELD]: numberTerm(pointsIn(STORY_POINTS_FIELD)),
  [STORY_POINT_ESTIMATE_FIELD]: numberTerm(pointsIn(STORY_POINT_ESTIMATE_FIELD)),
  [SPRINT_FIELD]: SYSTEM_TERMS.sprint as Term,
  [TIME_TO_RESOLUTION_FIELD]: slaTerm(TIME_TO_RESOLUTION_FIELD),
  [TIME_TO_FIRST_RESPONSE_FIELD]: slaTerm(TIME_TO_FIRST_RESPONSE_FIELD),
};

function propertyValues(issue: SiteIssue, propertyKey: string, path: string): unknown[] {
  let current: unknown[] = [issue.properties[propertyKey]];
  for (const step of path.split('.').filter((s) => s !== '')) {
    current = current.flatMap((v) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? [(v as Record<string, unknown>)[step]] : []));
  }
  return current.flatMap((v) => (Array.isArray(v) ? v : [v])).filter((v) => v !== undefined && v !== null);
}

/** An indexed property value; `undefined` index = a path the app never declared (never matches). */
export function propertyTerm(propertyKey: string, path: string, index: IndexedValue | undefined): Term {
  const type = index?.type;
  const raw = (issue: SiteIssue) => (index ? propertyValues(issue, propertyKey, path) : []);
  if (type === 'number') return numberTerm((issue) => raw(issue).map(Number).find((n) => !Number.isNaN(n)) ?? null);
  if (type === 'user') return userTerm((issue) => raw(issue).map(String)[0] ?? null);
  const strings = (issue: SiteIssue): Value[] => raw(issue).map((v) => String(v).toLowerCase());
  if (type === 'date') {
    return {
      operators: ORDERED,
      values: (issue) => raw(issue).map((v) => Date.parse(String(v))).filter((ms) => !Number.isNaN(ms)),
      literal: (text, scope, fieldName) => [parseDateValue(text, scope.nowMs, fieldName)],
      sortKey: (issue) => raw(issue).map((v) => Date.parse(String(v)))[0] ?? null,
    };
  }
  return {
    operators: type === 'text' ? TEXT : EQUALITY,
    values: strings,
    literal: (text) => [text.toLowerCase()],
    sortKey: (issue) => strings(issue)[0] ?? null,
  };
}

