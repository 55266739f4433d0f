/**
 * Issue operations: JQL search with token paging, one issue, worklogs clipped to a window, the
 * decision property, labels, assignee and comments. Raw issue JSON comes back from here; mapping to
 * Tickets is the JiraClient's job, so this file stays about the wire.
 */
import { route } from '../../forge/route';
import type { SprintWindow } from '../../domain/calendar';
import type { Worklog } from '../../domain/ticket';
import { readWorklogEntries } from '../worklog-entries';
import type { JiraHttp } from '../jira-http';
import type { StatusCategory } from '../../domain/ticket';
import type { StatusRef } from '../../domain/wip';
import { commentPageSchema, commentSchema, countSchema, createdIssueSchema, entityPropertySchema, idPageSchema, issueSchema, projectStatusesSchema, searchPageSchema, worklogPageSchema } from './schemas';
import { JiraError } from '../errors';

export type RawIssue = { id: string; key: string } & Record<string, unknown>;

export interface SearchRequest {
  /** Bounded JQL (Jira rejects a query without a restriction such as a project). */
  readonly jql: string;
  /** The fields to return: always explicit, never `*all`. */
  readonly fields: readonly string[];
  /** Issue property keys to return (≤ 5). */
  readonly properties?: readonly string[];
  /** Ids of issues we just wrote, so the search reflects our own writes (≤ 50). */
  readonly reconcileIssueIds?: readonly number[];
  /** Page size: Jira caps it at 100 when fields are requested (5000 for ids only). */
  readonly pageSize?: number;
  /** Stop after this many issues (first ones in the JQL's order): pages shrink to fit, none is fetched past it. */
  readonly maxIssues?: number;
}

const DEFAULT_PAGE = 100;
/** Jira's page size when only ids are asked for. */
export const ID_PAGE = 5000;
const WORKLOG_PAGE = 5000;
/** How far back a look for our own comment goes: it was posted seconds ago, others may have commented since. */
const RECENT_COMMENTS = 50;
/** Only characters JSON never escapes, so the marker is found in the body's JSON text as it is. */
const MARKER = /^[A-Za-z0-9-]{16,}$/;
export const COMMENT_UNCERTAIN = 'Jira did not confirm the comment and the app could not check the issue, so the comment may have been posted: check the issue\'s comments before applying again.';

export class IssueClient {
  constructor(private readonly http: JiraHttp) {}

  /** The issues matching the JQL, following `nextPageToken` until `isLast` or `maxIssues`. */
  async search(request: SearchRequest): Promise<RawIssue[]> {
    const issues: RawIssue[] = [];
    for await (const page of this.searchPages(request)) issues.push(...page);
    return issues;
  }

  /**
   * The same issues, a page at a time: a caller that maps each page as it arrives holds one page of
   * raw JSON at a time instead of the whole result (thousands of issues with embedded worklogs).
   */
  async *searchPages(request: SearchRequest): AsyncGenerator<RawIssue[]> {
    const max = request.maxIssues ?? Number.POSITIVE_INFINITY;
    let seen = 0;
    let nextPageToken: string | undefined;
    while (seen < max) {
      const body = {
        jql: request.jql,
        fields: request.fields,
        maxResults: Math.max(1, Math.min(request.pageSize ?? DEFAULT_PAGE, max - seen)),
        ...(request.properties?.length ? { properties: request.properties } : {}),
        ...(request.reconcileIssueIds?.length ? { reconcileIssues: request.reconcileIssueIds.slice(0, 50) } : {}),
        ...(nextPageToken ? { nextPageToken } : {}),
      };
      const page = await this.http.json('searchAndReconsileIssuesUsingJqlPost', { method: 'POST', route: route`/rest/api/3/search/jql`, body }, searchPageSchema);
      const issues = (page.issues as RawIssue[]).slice(0, max - seen);
      seen += issues.length;
      yield issues;
      nextPageToken = page.isLast === true || !page.nextPageToken ? undefined : page.nextPageToken;
      if (!nextPageToken) return;
    }
  }

  /**
   * Ids of the issues matching the JQL, in Jira's order: asking for the id field only lets Jira answer
   * 5,000 issues a page, so a sprint's membership costs one request where its issues cost fifty.
   */
  async searchIds(jql: string, reconcileIssueIds: readonly number[] = []): Promise<number[]> {
    const ids: number[] = [];
    let nextPageToken: string | undefined;
    do {
      const body = {
        jql,
        fields: ['id'],
        maxResults: ID_PAGE,
        ...(reconcileIssueIds.length ? { reconcileIssues: reconcileIssueIds.slice(0, 50) } : {}),
        ...(nextPageToken ? { nextPageToken } : {}),
      };
      const page = await this.http.json('searchAndReconsileIssuesUsingJqlPost', { method: 'POST', route: route`/rest/api/3/search/jql`, body }, idPageSchema);
      for (const issue of page.issues) ids.push(Number(issue.id));
      nextPageToken = page.isLast === true || !page.nextPageToken ? undefined : page.nextPageToken;
    } while (nextPageToken);
    return ids;
  }

  /**
   * How many issues the caller can see match the JQL, as Jira estimates it (`approximate-count`: one
   * request, no issue returned, so 1 point however many match). Jira says recent writes may not be
   * counted yet: a caller comparing counts must allow for an index that trails.
   */
  async count(jql: string): Promise<number> {
    const page = await this.http.json('countIssues', { method: 'POST', route: route`/rest/api/3/search/approximate-count`, body: { jql } }, countSchema);
    return page.count;
  }

  /**
   * Whether any issue the caller can see matches the JQL: one search for at most one id, the
   * cheapest question Jira answers (e.g. `project = SUP AND level is not EMPTY`).
   */
  async hasAny(jql: string): Promise<boolean> {
    const body = { jql, fields: ['id'], maxResults: 1 };
    const page = await this.http.json('searchAndReconsileIssuesUsingJqlPost', { method: 'POST', route: route`/rest/api/3/search/jql`, body }, idPageSchema);
    return page.issues.length > 0;
  }

  /**
   * The statuses the project's issues can be in (every issue type's workflow), each once, in the
   * order Jira lists them; a category Jira does not name is `unknown`.
   */
  async projectStatuses(projectKey: string): Promise<StatusRef[]> {
    const types = await this.http.json('getAllStatuses', { method: 'GET', route: route`/rest/api/3/project/${projectKey}/statuses` }, projectStatusesSchema);
    const byId = new Map<string, StatusRef>();
    const categories: readonly StatusCategory[] = ['new', 'indeterminate', 'done'];
    for (const status of types.flatMap((t) => t.statuses)) {
      const key = status.statusCategory?.key;
      if (!byId.has(status.id)) byId.set(status.id, { id: status.id, name: status.name, category: categories.find((c) => c === key) ?? 'unknown' });
    }
    return [...byId.values()];
  }

  async get(issueKey: string, fields: readonly string[], properties: readonly string[] = []): Promise<RawIssue> {
    const r = properties.length
      ? route`/rest/api/3/issue/${issueKey}?fields=${fields.join(',')}&properties=${properties.join(',')}`
      : route`/rest/api/3/issue/${issueKey}?fields=${fields.join(',')}`;
    const issue = await this.http.json('getIssue', { method: 'GET', route: r }, issueSchema);
    return issue as RawIssue;
  }

  /** Worklogs of an issue, optionally only those started inside the window. */
  async worklogs(issueKey: string, window?: SprintWindow): Promise<Worklog[]> {
    const all: Worklog[] = [];
    for (let startAt = 0; ; ) {
      const r = window
        ? route`/rest/api/3/issue/${issueKey}/worklog?startAt=${startAt}&maxResults=${WORKLOG_PAGE}&startedAfter=${window.startMs}&startedBefore=${window.endMs}`
        : route`/rest/api/3/issue/${issueKey}/worklog?startAt=${startAt}&maxResults=${WORKLOG_PAGE}`;
      const page = await this.http.json('getIssueWorklog', { method: 'GET', route: r }, worklogPageSchema);
      all.push(...readWorklogEntries(page.worklogs).worklogs);
      startAt += page.worklogs.length;
      if (page.worklogs.length === 0 || startAt >= page.total) return all;
    }
  }

  /** An issue property's value, or undefined when the issue has none. */
  async getProperty(issueKey: string, propertyKey: string): Promise<unknown> {
    try {
      const property = await this.http.json('getIssueProperty', { method: 'GET', route: route`/rest/api/3/issue/${issueKey}/properties/${propertyKey}` }, entityPropertySchema);
      return property.value;
    } catch (error) {
      // 404 means "no such property" as well as "no such issue"; the caller checked the issue first.
      if (error instanceof JiraError && error.kind === 'NotFound') return undefined;
      throw error;
    }
  }

  async setProperty(issueKey: string, propertyKey: string, value: unknown): Promise<void> {
    await this.http.noContent('setIssueProperty', { method: 'PUT', route: route`/rest/api/3/issue/${issueKey}/properties/${propertyKey}`, body: value });
  }

  /**
   * Create an issue (no sprint: it lands in the backlog); answers its id and key. Not idempotent:
   * after a 5xx or no answer Jira may have created it, so it is never sent again (UncertainWrite).
   */
  async create(fields: { readonly projectId: string; readonly issueTypeId: string; readonly summary: string; readonly description: unknown }): Promise<{ id: string; key: string }> {
    const body = { fields: { project: { id: fields.projectId }, issuetype: { id: fields.issueTypeId }, summary: fields.summary, description: fields.description } };
    const created = await this.http.json('createIssue', { method: 'POST', route: route`/rest/api/3/issue`, body }, createdIssueSchema);
    return { id: created.id, key: created.key };
  }

  /** Link two issues with a link type by name (`Relates`): `outward` relates to `inward`. Jira keeps one link of a type between two issues. */
  async link(typeName: string, outwardKey: string, inwardKey: string): Promise<void> {
    await this.http.noContent('linkIssues', { method: 'POST', route: route`/rest/api/3/issueLink`, body: { type: { name: typeName }, outwardIssue: { key: outwardKey }, inwardIssue: { key: inwardKey } } });
  }

  /** Add and remove labels in one edit; a no-op sends nothing. */
  async updateLabels(issueKey: string, change: { add?: readonly string[]; remove?: readonly string[] }): Promise<void> {
    const operations = [...(change.add ?? []).map((label) => ({ add: label })), ...(change.remove ?? []).map((label) => ({ remove: label }))];
    if (operations.length === 0) return;
    await this.http.noContent('editIssue', { method: 'PUT', route: route`/rest/api/3/issue/${issueKey}`, body: { update: { labels: operations } } });
  }

  /** Assign to an account, or unassign with null. */
  async assign(issueKey: string, accountId: string | null): Promise<void> {
    await this.http.noContent('assignIssue', { method: 'PUT', route: route`/rest/api/3/issue/${issueKey}/assignee`, body: { accountId } });
  }

  async comments(issueKey: string): Promise<Array<{ id: string; body?: unknown }>> {
    const all: Array<{ id: string; body?: unknown }> = [];
    for (let startAt = 0; ; ) {
      const page = await this.http.json('getComments', { method: 'GET', route: route`/rest/api/3/issue/${issueKey}/comment?startAt=${startAt}&maxResults=${100}` }, commentPageSchema);
      all.push(...page.comments);
      startAt += page.comments.length;
      if (page.comments.length === 0 || startAt >= page.total) return all;
    }
  }

  /** The issue's newest comments, newest first (one request). */
  async recentComments(issueKey: string, max = RECENT_COMMENTS): Promise<Array<{ id: string; body?: unknown }>> {
    const page = await this.http.json('getComments', { method: 'GET', route: route`/rest/api/3/issue/${issueKey}/comment?orderBy=${'-created'}&maxResults=${max}` }, commentPageSchema);
    return page.comments;
  }

  /**
   * Post a comment (body in ADF); returns the new comment's id.
   *
   * Posting is not idempotent: after a 5xx or no answer, Jira may have posted it anyway. With a
   * `marker` — a string unique to this comment, which `adf` contains (the caller makes it up, e.g. a
   * random reference in the text, so nobody can have typed it before) — the client looks for it among
   * the issue's newest comments before posting again and answers with the comment it finds. Without
   * one it never posts again and fails with `UncertainWrite`.
   */
  async addComment(issueKey: string, adf: unknown, options: { readonly marker?: string } = {}): Promise<string> {
    const { marker } = options;
    if (marker !== undefined && !(MARKER.test(marker) && JSON.stringify(adf).includes(marker))) {
      throw new Error('A comment marker must be 16 or more letters, digits or dashes, and appear in the comment.');
    }
    const check = marker === undefined ? undefined : {
      lookup: async () => (await this.recentComments(issueKey)).find((c) => JSON.stringify(c.body ?? null).includes(marker)),
      uncertain: COMMENT_UNCERTAIN,
    };
    const comment = await this.http.json('addComment', { method: 'POST', route: route`/rest/api/3/issue/${issueKey}/comment`, body: { body: adf } }, commentSchema, check);
    return comment.id;
  }
}
