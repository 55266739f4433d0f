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
import type { Ticket, Worklog } from '../domain/ticket';
import { route } from '../forge/route';
import { chunk, limiter, mapBounded, type Limiter } from './bounded-pool';
import { AgileClient } from './client/agile-client';
import { IssueClient, type RawIssue } from './client/issue-client';
import { PeopleClient } from './client/people-client';
import { SiteConfigClient } from './client/site-config-client';
import { badResponse, JiraError } from './errors';
import { discoverFields, fieldsToRequest, parseFieldList, type Discovery, type DiscoveryOptions, type FieldCatalog, type JiraField } from './field-catalog';
import { mapIssue } from './issue-mapper';
import { JiraHttp, type JiraHttpOptions } from './jira-http';

/** Worklog fetches in flight at once for one page of issues. */
export const WORKLOG_CONCURRENCY = 4;
/**
 * Requests in flight at once across one client's parallel work (search pages fetched side by side
 * and the worklog completions each page starts): hides latency without tripping Jira's burst limiter.
 */
export const REQUEST_CONCURRENCY = 6;
/** Issues per search page when fields are asked for (Jira's cap). */
export const TICKET_PAGE = 100;
/**
 * A client with at least this long left (a scheduled run's 850 s, not a resolver's 20 s) reads a
 * sprint's pages one after another (about a second each on Jira), spending time instead of points.
 */
export const SEQUENTIAL_READ_MIN_MS = 5 * 60_000;

export interface TicketQuery {
  readonly jql: string;
  readonly catalog: FieldCatalog;
  /** Load worklogs (embedded, completed where truncated), clipped to this window when given. */
  readonly worklogs?: { readonly window?: SprintWindow };
  readonly reconcileIssueIds?: readonly number[];
  /** Stop after this many issues (the JQL's ORDER BY decides which): no paging past what is shown. */
  readonly maxIssues?: number;
  /**
   * The caller syncs again and reads whatever changed (an active sprint's issue cache): a scheduled
   * run's read may then page by status category (searchInStreams), where an issue changing status
   * mid-read can be missed until that next sync. Not for a read kept for good (a closed sprint).
   */
  readonly healedByNextSync?: true;
}

type MappedIssue = { readonly ticket: Ticket; readonly worklogsComplete: boolean };

export interface TicketResult {
  readonly tickets: Ticket[];
  /** Mapping notes, prefixed with the issue key. */
  readonly notes: string[];
}

export class JiraClient {
  readonly issues: IssueClient;
  readonly agile: AgileClient;
  readonly people: PeopleClient;
  /** The site's priorities, a project's issue types and components, a select field's options (settings pickers). */
  readonly config: SiteConfigClient;
  private fields?: Promise<JiraField[]>;
  private readonly slots: Limiter = limiter(REQUEST_CONCURRENCY);

  constructor(readonly http: JiraHttp) {
    this.issues = new IssueClient(http);
    this.agile = new AgileClient(http);
    this.people = new PeopleClient(http);
    this.config = new SiteConfigClient(http);
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

  /**
   * Issues matching the JQL, as Tickets (with the decision property), in Jira's order. Each page is
   * mapped as it arrives, so only one page of raw JSON is held at a time.
   */
  async searchTickets(query: TicketQuery, skipIds?: ReadonlySet<string>, counted?: { raw: number }): Promise<TicketResult> {
    const fields = fieldsToRequest(query.catalog);
    const pages = this.issues.searchPages({
      jql: query.jql,
      fields: query.worklogs ? [...fields, 'worklog'] : fields,
      properties: [DECISION_PROPERTY_KEY],
      ...(query.reconcileIssueIds ? { reconcileIssueIds: query.reconcileIssueIds } : {}),
      ...(query.maxIssues !== undefined ? { maxIssues: query.maxIssues } : {}),
    });
    // Each page's long worklog lists are fetched while the next page is on its way: token paging is
    // one page after another, and waiting for the last page first would add the worklogs' round trips
    // to the pages' (a scheduled run's full read of 5,000 issues: issue 13). Results keep page order.
    const completions: Promise<TicketResult>[] = [];
    await this.slots.run(async () => {
      for await (const raw of pages) {
        if (counted) counted.raw += raw.length;
        const notes: string[] = [];
        // Skipped before mapping, so an issue read twice does not repeat its notes.
        const mapped = this.mapRaw(skipIds ? raw.filter((r) => !skipIds.has(r.id)) : raw, query.catalog, notes);
        const completion = this.completeWorklogs(mapped, notes, query);
        completion.catch(() => undefined); // seen below; a page that fails first must not leave it unhandled
        completions.push(completion);
      }
    });
    const done = await Promise.all(completions);
    return { tickets: done.flatMap((d) => d.tickets), notes: done.flatMap((d) => d.notes) };
  }

  /**
   * The same tickets as {@link searchTickets}, but a result longer than one page is fetched as
   * independent pages that run side by side: Jira's token paging is sequential (each page needs the
   * previous page's token), so past the first page the issues are listed by id (5,000 a request),
   * split into pages of 100 (`id in (…)`) and fetched through the client's request limit. One
   * request more than sequential paging (the id list), about ⌈n/100⌉ / 6 round trips instead of
   * ⌈n/100⌉. `jql` must not carry an ORDER BY (the order is Jira's, page by page).
   *
   * If Jira refuses an id page (an issue was deleted between the id list and the page), the search
   * is repeated the sequential way, which cannot fail like that.
   */
  async searchTicketsParallel(query: TicketQuery): Promise<TicketResult> {
    if (/\border\s+by\b/i.test(query.jql)) throw new Error('searchTicketsParallel: the JQL must not have an ORDER BY clause');
    // A capped read stops after its first pages anyway: nothing to run side by side. With a scheduled
    // run's time, the pages are read one after another instead: the id list that lets them run side
    // by side costs a point per issue (5,001 for 5,000), which a scheduled run can spend as time.
    if (query.maxIssues !== undefined) return this.searchTickets(query);
    // Whether there is more is the raw page's length: an issue that could not be mapped is a note, not the end.
    const counted = { raw: 0 };
    const first = await this.searchTickets({ ...query, maxIssues: TICKET_PAGE }, undefined, counted);
    if (counted.raw < TICKET_PAGE) return first;
    if (query.healedByNextSync === true && this.http.remainingMs() >= SEQUENTIAL_READ_MIN_MS) return this.searchInStreams(query, first);
    const seen = new Set(first.tickets.map((t) => Number(t.id)));
    const rest = (await this.issueIds(query.jql, query.reconcileIssueIds)).filter((id) => !seen.has(id));
    try {
      const pages = await Promise.all(chunk(rest, TICKET_PAGE).map((ids) => this.searchTickets({ ...query, jql: `(${query.jql}) AND id in (${ids.join(', ')})` })));
      return { tickets: [...first.tickets, ...pages.flatMap((p) => p.tickets)], notes: [...first.notes, ...pages.flatMap((p) => p.notes)] };
    } catch (error) {
      if (!(error instanceof JiraError) || error.kind !== 'BadRequest') throw error;
      return this.searchTickets(query);
    }
  }

  /**
   * The rest of a read past its first page, for a client with a scheduled run's time: three token-paged
   * streams side by side, done, in progress and the rest (`statusCategory`, which every issue has exactly one of),
   * so no id list is needed and the points are the pages and the issues (plus the first page's 100
   * issues, read again and dropped: at most 100 points, 1.008× on 5,000 issues) at a fraction of the
   * sequential depth. An issue whose status changes between the streams' pages may be missed or read
   * twice: twice is deduplicated; a status change updates the issue, so the next sync reads it — which
   * is why only a read that has a next sync (`healedByNextSync`: an active sprint's cache) pages this way,
   * never a closed sprint's read once for good.
   */
  private static readonly STREAMS = ['statusCategory = Done', 'statusCategory = "In Progress"', 'statusCategory != Done AND statusCategory != "In Progress"'];

  private async searchInStreams(query: TicketQuery, first: TicketResult): Promise<TicketResult> {
    const seen = new Set(first.tickets.map((t) => t.id));
    const streams = await Promise.all(JiraClient.STREAMS.map((part) => this.searchTickets({ ...query, jql: `(${query.jql}) AND ${part}` }, seen)));
    const byId = new Map(first.tickets.map((t) => [t.id, t]));
    for (const stream of streams) for (const ticket of stream.tickets) if (!byId.has(ticket.id)) byId.set(ticket.id, ticket);
    return { tickets: [...byId.values()], notes: [...first.notes, ...streams.flatMap((s) => s.notes)] };
  }

  /** Ids of the issues matching the JQL (ids only: 5,000 per request). */
  issueIds(jql: string, reconcileIssueIds: readonly number[] = []): Promise<number[]> {
    return this.slots.run(() => this.issues.searchIds(jql, reconcileIssueIds));
  }

  /**
   * Which of these issues (Jira's string ids) the caller may see, issue-level security included:
   * how a view asks Jira, as the viewer, which of the issues listed in a record computed as the app
   * it may name to them. One permission check per 1,000 ids; none for an empty list.
   */
  browsableIssueIds(ids: readonly string[]): Promise<Set<string>> {
    return this.slots.run(() => this.people.browsableIssueIds(ids));
  }

  /** How many issues the caller can see match the JQL (Jira's approximate count: 1 point, no issue read). */
  approximateCount(jql: string): Promise<number> {
    return this.slots.run(() => this.issues.count(jql));
  }

  /** Whether any issue the caller can see matches the JQL (one request for one id at most). */
  hasAnyIssue(jql: string): Promise<boolean> {
    return this.slots.run(() => this.issues.hasAny(jql));
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

  /** Raw issues already in hand (one getIssue answer) as Tickets, their worklogs completed. */
  private toTickets(raw: readonly RawIssue[], query: TicketQuery): Promise<TicketResult> {
    const notes: string[] = [];
    return this.completeWorklogs(this.mapRaw(raw, query.catalog, notes), notes, query);
  }

  /** Raw issues to Tickets; what could not be read goes to `notes`. */
  private mapRaw(raw: readonly RawIssue[], catalog: FieldCatalog, notes: string[]): MappedIssue[] {
    return raw.flatMap((issue) => {
      const result = mapIssue(issue, catalog);
      if (!result.ok) {
        notes.push(result.error);
        return [];
      }
      notes.push(...result.issue.notes.map((n) => `${result.issue.ticket.key}: ${n}`));
      return [result.issue];
    });
  }

  private async completeWorklogs(mapped: readonly MappedIssue[], notes: string[], query: TicketQuery): Promise<TicketResult> {
    const window = query.worklogs?.window;
    // Embedded or fetched, the same worklogs: those started in the window (when one is given), so a
    // ticket's worklogs do not depend on how many it has (the ledger's fold relies on it).
    const inWindow = (w: Worklog): boolean => !window || (w.startedMs >= window.startMs && w.startedMs < window.endMs);
    const tickets = await mapBounded(mapped, WORKLOG_CONCURRENCY, async ({ ticket, worklogsComplete }) =>
      query.worklogs && !worklogsComplete
        ? { ...ticket, worklogs: await this.slots.run(() => this.issues.worklogs(ticket.key, window)) }
        : window && ticket.worklogs
          ? { ...ticket, worklogs: ticket.worklogs.filter(inWindow) }
          : ticket,
    );
    return { tickets, notes };
  }

}
