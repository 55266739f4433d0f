/**
 * The system JQL fields the app uses (and the few neighbours a person typing JQL expects): project,
 * sprint, issue type, status and its category, priority, resolution, component, labels, key,
 * people, dates, summary text, rank and security level (`level`).
 */
import { RESOLUTIONS, STATUS_CATEGORIES } from '../site/catalog';
import type { StatusCategoryKey } from '../site/model';
import { levelsOf, securityLevel } from '../site/security';
import { JqlError } from './errors';
import { EMPTY, EQUALITY, ORDERED, dateTerm, namedTerm, notFound, textTerm, userTerm, type SearchScope, type Term } from './term';

const KEY = /^([A-Z][A-Z0-9_]*)-(\d+)$/i;

function keyTerm(): Term {
  return {
    operators: EQUALITY,
    values: (issue) => [issue.id],
    literal(text, scope, fieldName) {
      const issue = scope.store.issue(text.trim());
      if (issue) return [issue.id];
      if (KEY.test(text.trim()) || /^\d+$/.test(text.trim())) throw new JqlError([`An issue with key '${text}' does not exist for field '${fieldName}'.`]);
      throw new JqlError([`The issue key '${text}' for field '${fieldName}' is invalid.`]);
    },
    sortKey: (issue, scope) => `${scope.store.projectOf(issue).key}-${issue.key.split('-')[1]?.padStart(10, '0') ?? ''}`,
  };
}

function sprintTerm(): Term {
  const ids = (scope: SearchScope, states: readonly string[]) => scope.store.sprints.filter((s) => states.includes(s.state)).map((s) => s.id);
  return {
    operators: EQUALITY,
    values: (issue) => issue.sprintIds,
    literal(text, scope, fieldName) {
      const byId = /^\d+$/.test(text.trim()) ? scope.store.sprint(Number(text)) : undefined;
      if (byId) return [byId.id];
      const named = scope.store.sprints.filter((s) => s.name.toLowerCase() === text.toLowerCase()).map((s) => s.id);
      if (named.length === 0) throw notFound(text, fieldName);
      return named;
    },
    fn(name, _args, scope) {
      const lower = name.toLowerCase();
      if (lower === 'opensprints') return ids(scope, ['active', 'future']);
      if (lower === 'closedsprints') return ids(scope, ['closed']);
      if (lower === 'futuresprints') return ids(scope, ['future']);
      return undefined;
    },
  };
}

/**
 * `level` (the Security Level field): by level id or name, `EMPTY` for issues without one. Jira
 * resolves the names among the levels the user belongs to, so naming a level you are not in is the
 * same "does not exist" error as naming one that does not exist (`is EMPTY` / `is not EMPTY` work
 * for everyone, over the issues they can see).
 */
function levelTerm(): Term {
  return namedTerm(
    (issue) => (issue.securityLevelId === null ? [] : [issue.securityLevelId]),
    (scope) => levelsOf(scope.user).map((level) => ({ id: level.id, names: [level.name] })),
    { sortKey: (issue) => (issue.securityLevelId === null ? null : securityLevel(issue.securityLevelId)?.name.toLowerCase() ?? null) },
  );
}

const CATEGORY_KEYS = Object.keys(STATUS_CATEGORIES) as StatusCategoryKey[];
const statusOf = (scope: SearchScope, issueStatusId: string, projectId: string) =>
  scope.store.projects.find((p) => p.id === projectId)?.statuses.find((s) => s.id === issueStatusId);

export const SYSTEM_TERMS: Record<string, Term> = {
  project: namedTerm((issue) => [issue.projectId], (scope) => scope.store.projects.map((p) => ({ id: p.id, names: [p.key, p.name] })), {
    sortKey: (issue, scope) => scope.store.projectOf(issue).key,
  }),
  sprint: sprintTerm(),
  issuetype: namedTerm(
    (issue) => [issue.typeId],
    (scope) => scope.store.projects.flatMap((p) => p.issueTypes.map((t) => ({ id: t.id, names: [t.name] }))),
    {
      fn: (name, _args, scope) =>
        name.toLowerCase() === 'standardissuetypes' ? scope.store.projects.flatMap((p) => p.issueTypes.map((t) => t.id)) : name.toLowerCase() === 'subtaskissuetypes' ? [] : undefined,
      sortKey: (issue, scope) => scope.store.projectOf(issue).issueTypes.find((t) => t.id === issue.typeId)?.name ?? null,
    },
  ),
  status: namedTerm((issue) => [issue.statusId], (scope) => scope.store.projects.flatMap((p) => p.statuses.map((s) => ({ id: s.id, names: [s.name] }))), {
    sortKey: (issue, scope) => {
      const status = statusOf(scope, issue.statusId, issue.projectId);
      return status ? `${CATEGORY_KEYS.indexOf(status.category)}${status.name.toLowerCase()}` : null;
    },
  }),
  statuscategory: namedTerm(
    (issue, scope) => {
      const status = statusOf(scope, issue.statusId, issue.projectId);
      return status ? [status.category] : [];
    },
    () => CATEGORY_KEYS.map((key) => ({ id: key, names: [key, STATUS_CATEGORIES[key].name, String(STATUS_CATEGORIES[key].id)] })),
  ),
  priority: {
    ...namedTerm(
      (issue, scope) => {
        const weight = scope.store.priorities.find((p) => p.id === issue.priorityId)?.weight;
        return weight === undefined ? [] : [weight];
      },
      (scope) => scope.store.priorities.map((p) => ({ id: String(p.weight), names: [p.name, p.id] })),
    ),
    operators: ORDERED,
    literal(text, scope, fieldName) {
      const priority = scope.store.priorities.find((p) => p.id === text || p.name.toLowerCase() === text.toLowerCase());
      if (!priority) throw notFound(text, fieldName);
      return [priority.weight];
    },
    sortKey: (issue, scope) => scope.store.priorities.find((p) => p.id === issue.priorityId)?.weight ?? null,
  },
  resolution: {
    ...namedTerm((issue) => (issue.resolutionId === null ? [] : [issue.resolutionId]), () => RESOLUTIONS.map((r) => ({ id: r.id, names: [r.name] }))),
    literal(text, _scope, fieldName) {
      if (text.toLowerCase() === 'unresolved') return [EMPTY];
      const resolution = RESOLUTIONS.find((r) => r.id === text || r.name.toLowerCase() === text.toLowerCase());
      if (!resolution) throw notFound(text, fieldName);
      return [resolution.id];
    },
  },
  component: namedTerm((issue) => issue.componentIds, (scope) => scope.store.projects.flatMap((p) => p.components.map((c) => ({ id: c.id, names: [c.name] })))),
  labels: {
    operators: EQUALITY,
    values: (issue) => issue.labels.map((l) => l.toLowerCase()),
    literal: (text) => [text.toLowerCase()],
  },
  issuekey: keyTerm(),
  assignee: userTerm((issue) => issue.assigneeId),
  reporter: userTerm((issue) => issue.reporterId),
  created: dateTerm((issue) => issue.createdMs),
  updated: dateTerm((issue) => issue.updatedMs),
  resolutiondate: dateTerm((issue) => issue.resolvedMs),
  summary: textTerm((issue) => issue.summary),
  rank: { operators: [], values: () => [], literal: () => [], sortKey: (issue) => issue.rank },
  level: levelTerm(),
};

/** Other names JQL accepts for the same fields. */
export const SYSTEM_ALIASES: Record<string, string> = {
  type: 'issuetype',
  category: 'statuscategory',
  components: 'component',
  key: 'issuekey',
  id: 'issuekey',
  issue: 'issuekey',
  createddate: 'created',
  updateddate: 'updated',
  resolved: 'resolutiondate',
  text: 'summary',
};
