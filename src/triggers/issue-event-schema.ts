/**
 * The `avi:jira:created:issue` / `avi:jira:updated:issue` payload, validated before use: the fields
 * the trigger reads (`eventType`, `issue.id`, `issue.key`, `issue.fields.project.key`,
 * `changelog.items`), everything else passed over. Shape per
 * https://developer.atlassian.com/platform/forge/events-reference/jira/ (issue events): `issue`
 * with `id`, `key` and some `fields`, the acting user's `atlassianId`, and for updates a `changelog`
 * whose items name the changed field (`field`, `fieldId`) with its old and new values.
 *
 * And which changes matter: the policy reads priority, severity, SLA (which moves with the status),
 * issue type, labels and components. Anything else — a sprint move, an assignee, a description, or
 * a label change that only touches the app's own interrupt/deferred labels — cannot change the
 * verdict, so the trigger leaves the issue alone without asking Jira anything.
 */
import { z } from 'zod';
import { PROJECT_KEY } from '../app/storage/keys';

export const ISSUE_EVENTS = ['avi:jira:created:issue', 'avi:jira:updated:issue'] as const;
const ISSUE_KEY = /^[A-Z][A-Z0-9_]{0,49}-[1-9]\d{0,9}$/;

/**
 * An item's own keys only: an item without `toString` would otherwise be read as having
 * Object.prototype's `toString` (a function), and the whole event refused.
 */
const ownKeys = (value: unknown): unknown => (value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.assign(Object.create(null) as object, value) : value);

const changeItemSchema = z.preprocess(
  ownKeys,
  z
    .object({
      field: z.string().nullish(),
      fieldId: z.string().nullish(),
      fromString: z.string().nullish(),
      toString: z.string().nullish(),
    })
    .loose(),
);
export type ChangeItem = z.infer<typeof changeItemSchema>;

export const issueEventSchema = z
  .object({
    eventType: z.enum(ISSUE_EVENTS),
    issue: z
      .object({
        id: z.union([z.string().regex(/^\d+$/), z.number().int().positive()]).transform(String),
        key: z.string().regex(ISSUE_KEY),
        fields: z
          .object({
            project: z.object({ key: z.string().regex(PROJECT_KEY) }).loose().nullish(),
            /** The issue's security level, when it has one (a created issue's fields carry it). */
            security: z.object({ id: z.union([z.string(), z.number()]).nullish() }).loose().nullish(),
          })
          .loose()
          .nullish(),
      })
      .loose(),
    atlassianId: z.string().nullish(),
    changelog: z.object({ items: z.array(changeItemSchema).default([]) }).loose().nullish(),
  })
  .loose();
export type IssueEvent = z.infer<typeof issueEventSchema>;

const POLICY_FIELD_IDS = new Set(['priority', 'issuetype', 'labels', 'components', 'status', 'resolution']);
const POLICY_FIELD_NAMES = new Set(['priority', 'issuetype', 'issue type', 'labels', 'component', 'components', 'status', 'resolution', 'severity']);

const labelSet = (text: string | null | undefined): Set<string> => new Set((text ?? '').split(/\s+/).filter((l) => l !== ''));

/** A labels change whose only difference is in the app's own labels. */
function onlyAppLabels(item: ChangeItem, appLabels: readonly string[]): boolean {
  const before = labelSet(item.fromString);
  const after = labelSet(item.toString);
  const changed = [...before, ...after].filter((l) => before.has(l) !== after.has(l));
  return changed.every((l) => appLabels.includes(l));
}

/**
 * Did the event put a security level on the issue (created with one, or its Security field set)?
 * Then the project has issues not everyone may see, and views check per viewer from now on.
 */
export function setsSecurityLevel(event: IssueEvent): boolean {
  if (event.eventType === 'avi:jira:created:issue' && event.issue.fields?.security) return true;
  return (event.changelog?.items ?? []).some((item) => {
    const named = item.fieldId?.toLowerCase() === 'security' || ['security', 'security level'].includes(item.field?.trim().toLowerCase() ?? '');
    return named && (item.toString ?? '').trim() !== '';
  });
}

/** Could this change alter the policy's verdict? */
export function isRelevantChange(item: ChangeItem, options: { appLabels: readonly string[]; severityFieldId: string | null }): boolean {
  const id = item.fieldId?.toLowerCase();
  const name = item.field?.trim().toLowerCase();
  if (id === 'labels' || name === 'labels') return !onlyAppLabels(item, options.appLabels);
  if (options.severityFieldId && item.fieldId === options.severityFieldId) return true;
  return (id !== undefined && POLICY_FIELD_IDS.has(id)) || (name !== undefined && POLICY_FIELD_NAMES.has(name));
}
