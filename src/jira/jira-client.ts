/**
 * The Jira client the app's use cases talk to: typed operations that return domain objects.
 *
 * One client per invocation (resolver call, trigger run): the field list is fetched at most once per
 * client, and the client's time budget is the invocation's. It never goes N+1 where Jira has a bulk
 * form: worklogs come embedded in the search response, and only issues whose embedded list is
 * truncated (Jira embeds at most 20) get their full worklog list fetched, a few at a time.
 */
import { z } from 'zod';
import { DECISION_PROPERTY_KEY } from '../domain/decision';
import type { SprintWindow } from '../domain/calendar';
import type { Ticket } from '../domain/ticket';
import { route } from '../forge/route';
import { mapBounded } from './bounded-pool';
import { AgileClient } from './client/agile-client';
import { IssueClient, type RawIssue } from './client/issue-client';
import { PeopleClient } from './client/people-client';
import { badResponse } from './errors';
import { discoverFields, fieldsToRequest, parseFieldList, type Discovery, type DiscoveryOptions, type FieldCatalog, type JiraField } from './field-catalog';
import { mapIssue } from './issue-mapper';
import { JiraHttp, type JiraHttpOptions } from './jira-http';

/** Worklog fetches in flight at once: hides latency without tripping Jira's burst limiter. */
export const WORKLOG_CONCURRENCY = 4;

export interface TicketQuery {
  readonly jql: string;
  readonly catalog: FieldCatalog;
  /** Load worklogs (embedded, completed where truncated), clipped to this window when given. */
  readonly worklogs?: { readonly window?: SprintWindow };
  readonly reconcileIssueIds?: readonly number[];
  /** Stop after this many issues (the JQL's ORDER BY decides which): no paging past what is shown. */
  readonly maxIssues?: number;
}

export interface TicketResult {
  readonly tickets: Ticket[];
  /** Mapping notes, prefixed with the issue key. */
  readonly notes: string[];
}

export class JiraClient {
  readonly issues: IssueClient;
  readonly agile: AgileClient;
  readonly people: PeopleClient;
  private fields?: Promise<JiraField[]>;

  constructor(readonly http: JiraHttp) {
    this.issues = new IssueClient(http);
    this.agile = new AgileClient(http);
    this.people = new PeopleClient(http);
  }

  static create(options: JiraHttpOptions): JiraClient {
    return new JiraClient(new JiraHttp(options));
  }

  /**
   * The site's fields (the entries that are field-shaped), fetched once per client however many use
   * cases ask. A failed fetch is not remembered, so asking again retries.
   */
  fieldList(): Promise<JiraField[]> {
    this.fields ??= this.http.json('getFields', { method: 'GET', route: route`/rest/api/3/field` }, z.array(z.unknown())).then(parseFieldList, (error: unknown) => {
      this.fields = undefined;
      throw error;
    });
    return this.fields;
  }

  /** The site's custom fields of interest, from the (cached) field list. */
  async discoverFields(options: DiscoveryOptions = {}): Promise<Discovery> {
    return discoverFields(await this.fieldList(), options);
  }

  /** Issues matching the JQL, as Tickets (with the decision property), in Jira's order. */
  async searchTickets(query: TicketQuery): Promise<TicketResult> {
    const fields = fieldsToRequest(query.catalog);
    const raw = await this.issues.search({
      jql: query.jql,
      fields: query.worklogs ? [...fields, 'worklog'] : fields,
      properties: [DECISION_PROPERTY_KEY],
      ...(query.reconcileIssueIds ? { reconcileIssueIds: query.reconcileIssueIds } : {}),
      ...(query.maxIssues !== undefined ? { maxIssues: query.maxIssues } : {}),
    });
    return this.toTickets(raw, query);
  }

  /** One issue as a Ticket. */
  async ticket(issueKey: string, catalog: FieldCatalog, worklogs?: TicketQuery['worklogs']): Promise<TicketResult & { ticket: Ticket }> {
    const fields = fieldsToRequest(catalog);
    const raw = await this.issues.get(issueKey, worklogs ? [...fields, 'worklog'] : fields, [DECISION_PROPERTY_KEY]);
    const result = await this.toTickets([raw], { jql: '', catalog, ...(worklogs ? { worklogs } : {}) });
    const [ticket] = result.tickets;
    if (!ticket) throw badResponse(`getIssue returned something that is not an issue for ${issueKey}`);
    return { ...result, ticket };
  }

  private async toTickets(raw: readonly RawIssue[], query: TicketQuery): Promise<TicketResult> {
    const notes: string[] = [];
    const mapped = raw.flatMap((issue) => {
      const result = mapIssue(issue, query.catalog);
      if (!result.ok) {
        notes.push(result.error);
        return [];
      }
      notes.push(...result.issue.notes.map((n) => `${result.issue.ticket.key}: ${n}`));
      return [result.issue];
    });
    const window = query.worklogs?.window;
    const tickets = await mapBounded(mapped, WORKLOG_CONCURRENCY, async ({ ticket, worklogsComplete }) =>
      query.worklogs && !worklogsComplete ? { ...ticket, worklogs: await this.issues.worklogs(ticket.key, window) } : ticket,
    );
    return { tickets, notes };
  }
}
