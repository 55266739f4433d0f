/**
 * One issue as the triage use cases need it: the mapped Ticket (with the decision and suggestion),
 * the project it really belongs to (read from Jira, because the page context naming it can be
 * forged), and the raw decision property, so a writer can keep whatever this version of the app does
 * not know about instead of silently dropping it.
 */
import { DECISION_PROPERTY_KEY } from '../../domain/decision';
import type { Ticket } from '../../domain/ticket';
import { fieldsToRequest, type FieldCatalog } from '../../jira/field-catalog';
import { mapIssue } from '../../jira/issue-mapper';
import type { JiraPort } from '../../ports';
import { AppError } from '../app-error';

export interface IssueSnapshot {
  readonly ticket: Ticket;
  /** The project key Jira reports for the issue (undefined only if Jira left it out). */
  readonly projectKey: string | undefined;
  /** The stored `interruptBudget` property value as it is (untrusted; read it through decision-property.ts). */
  readonly property: unknown;
  readonly notes: readonly string[];
}

export interface IssueReadOptions {
  /** Load the issue's worklogs too (the hours model counts them); truncated lists are completed. */
  readonly worklogs?: boolean;
}

function projectKeyOf(raw: Record<string, unknown>): string | undefined {
  const fields = raw.fields;
  if (!fields || typeof fields !== 'object') return undefined;
  const project = (fields as Record<string, unknown>).project;
  const key = project && typeof project === 'object' ? (project as Record<string, unknown>).key : undefined;
  return typeof key === 'string' ? key : undefined;
}

/** Read one issue as the current port's user; Jira answers NotFound when that user cannot see it. */
export async function readIssue(jira: JiraPort, issueKey: string, catalog: FieldCatalog, options: IssueReadOptions = {}): Promise<IssueSnapshot> {
  const fields = [...fieldsToRequest(catalog), 'project', ...(options.worklogs ? ['worklog'] : [])];
  const raw = await jira.issues.get(issueKey, fields, [DECISION_PROPERTY_KEY]);
  const mapped = mapIssue(raw, catalog);
  if (!mapped.ok) throw new AppError('UNAVAILABLE', `Jira sent something for ${issueKey} that is not an issue. Reload the page; if it keeps happening, tell your Jira admin.`);
  let ticket = mapped.issue.ticket;
  if (options.worklogs && !mapped.issue.worklogsComplete) ticket = { ...ticket, worklogs: await jira.issues.worklogs(ticket.key) };
  const properties = raw.properties;
  const property = properties && typeof properties === 'object' ? (properties as Record<string, unknown>)[DECISION_PROPERTY_KEY] : undefined;
  return { ticket, projectKey: projectKeyOf(raw), property, notes: mapped.issue.notes };
}

/** The project part of an issue key (`SUP-12` → `SUP`). */
export function projectOfIssueKey(issueKey: string): string {
  return issueKey.slice(0, issueKey.lastIndexOf('-'));
}
