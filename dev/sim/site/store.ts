/**
 * The live demo site: every project, board, sprint, issue and user, with the lookups the REST
 * handlers need. Writes go through `write()` so that `updated` moves as in Jira and so that search
 * can lag behind writes (the `searchLagMs` fault), as Jira's eventually consistent index does until
 * the caller names the issue in `reconcileIssues`.
 */
import type { SiteClock } from '../clock';
import { PRIORITIES } from './catalog';
import { SITE_FIELDS, type FieldDetails } from './fields';
import type { Board, PriorityDef, Project, SiteIssue, SiteIssueLink, SiteUser, Sprint } from './model';

export interface SiteData {
  readonly users: SiteUser[];
  readonly projects: Project[];
  readonly boards: Board[];
  readonly sprints: Sprint[];
  readonly issues: SiteIssue[];
  /** `GET /rest/api/3/field`'s answer; default the demo site's (site/fields.ts). */
  readonly fields?: readonly FieldDetails[];
}

/** Who hears of the site's changes (the event outbox: events/outbox.ts). */
export interface ChangeObserver {
  changed(before: SiteIssue, after: SiteIssue, causedBy: string | undefined): void;
  created(issue: SiteIssue, causedBy: string | undefined): void;
  deleted(issue: SiteIssue, causedBy: string | undefined): void;
}

interface PendingIndex {
  readonly before: SiteIssue;
  writtenAtWallMs: number;
}

export class SiteStore {
  readonly users: SiteUser[];
  readonly projects: Project[];
  readonly boards: Board[];
  readonly sprints: Sprint[];
  readonly issues: SiteIssue[];
  readonly fields: readonly FieldDetails[];
  /** Issue links made through the REST API (the seed makes none). */
  readonly issueLinks: SiteIssueLink[] = [];
  private readonly issuesByKey = new Map<string, SiteIssue>();
  private readonly issuesById = new Map<string, SiteIssue>();
  private readonly pending = new Map<string, PendingIndex>();
  private lastCommentId: number;
  /** The site's priorities, highest first (Jira's global priorities, renamed as a site admin may). */
  private priorityList: PriorityDef[] = PRIORITIES.map((p) => ({ ...p }));
  /** Told of every change (the simulator's event outbox). */
  observer: ChangeObserver | undefined;
  /** Whose request is being handled: the account the events of its writes name. */
  private actor: string | undefined;

  constructor(data: SiteData, readonly clock: SiteClock) {
    this.users = data.users;
    this.projects = data.projects;
    this.boards = data.boards;
    this.sprints = data.sprints;
    this.issues = data.issues;
    this.fields = data.fields ?? SITE_FIELDS;
    for (const issue of this.issues) {
      this.issuesByKey.set(issue.key.toUpperCase(), issue);
      this.issuesById.set(issue.id, issue);
    }
    this.lastCommentId = Math.max(10000, ...this.issues.flatMap((i) => i.comments.map((c) => Number(c.id))));
  }

  /**
   * Add an issue to the live site (tests that need more tickets of a kind than the seed has, such
   * as open support tickets to apply decisions to: test/builders/open-support-tickets.ts).
   * @throws Error when its id or key is taken.
   */
  addIssue(issue: SiteIssue, causedBy: string | undefined = this.actor): void {
    if (this.issue(issue.id) || this.issue(issue.key)) throw new Error(`Issue ${issue.key} (${issue.id}) exists already.`);
    this.issues.push(issue);
    this.issuesByKey.set(issue.key.toUpperCase(), issue);
    this.issuesById.set(issue.id, issue);
    this.observer?.created(issue, causedBy);
  }

  /** Delete an issue, as Jira does: gone from every lookup and search. */
  removeIssue(issue: SiteIssue, causedBy: string | undefined = this.actor): void {
    const index = this.issues.indexOf(issue);
    if (index < 0) return;
    this.issues.splice(index, 1);
    this.issuesByKey.delete(issue.key.toUpperCase());
    this.issuesById.delete(issue.id);
    this.pending.delete(issue.id);
    this.observer?.deleted(issue, causedBy);
  }

  /** Run `work` (one REST request's handler) as `accountId`: its writes' events name them. */
  actingAs<T>(accountId: string, work: () => T): T {
    const outer = this.actor;
    this.actor = accountId;
    try {
      return work();
    } finally {
      this.actor = outer;
    }
  }

  get priorities(): readonly PriorityDef[] {
    return this.priorityList;
  }

  /**
   * Rename the site's priorities, highest first, as a site admin may (issue 16, item 2: a Blocker /
   * Critical / Major / Minor / Trivial site). Ids, order and every issue's priority stay; the names
   * everything renders and JQL matches change.
   * @throws Error unless there is one name per priority, each distinct.
   */
  renamePriorities(names: readonly string[]): void {
    if (names.length !== this.priorityList.length || new Set(names.map((n) => n.toLowerCase())).size !== names.length) throw new Error(`Give ${this.priorityList.length} distinct priority names, highest first.`);
    this.priorityList = this.priorityList.map((p, i) => ({ ...p, name: names[i] ?? p.name }));
  }

  /** By id (`10042`) or key (`SUP-12`, any case), as Jira resolves `{issueIdOrKey}`. */
  issue(idOrKey: string): SiteIssue | undefined {
    return this.issuesById.get(idOrKey) ?? this.issuesByKey.get(idOrKey.toUpperCase());
  }

  /** By key (any case) or id. */
  project(keyOrId: string): Project | undefined {
    return this.projects.find((p) => p.id === keyOrId || p.key.toUpperCase() === keyOrId.toUpperCase());
  }

  projectOf(issue: SiteIssue): Project {
    const project = this.projects.find((p) => p.id === issue.projectId);
    if (!project) throw new Error(`Issue ${issue.key} belongs to no project.`);
    return project;
  }

  board(id: number): Board | undefined {
    return this.boards.find((b) => b.id === id);
  }

  boardOfProject(projectId: string): Board | undefined {
    return this.boards.find((b) => b.projectId === projectId);
  }

  sprint(id: number): Sprint | undefined {
    return this.sprints.find((s) => s.id === id);
  }

  sprintsOfBoard(boardId: number): Sprint[] {
    return this.sprints.filter((s) => s.boardId === boardId);
  }

  /** The issues with a security level (the demo site's: seed/issue-security.ts), oldest first. */
  securedIssues(): SiteIssue[] {
    return this.issues.filter((i) => i.securityLevelId !== null);
  }

  user(accountId: string): SiteUser | undefined {
    return this.users.find((u) => u.accountId === accountId);
  }

  userByEmail(email: string): SiteUser | undefined {
    return this.users.find((u) => u.email.toLowerCase() === email.toLowerCase());
  }

  nextCommentId(): string {
    this.lastCommentId += 1;
    return String(this.lastCommentId);
  }

  /**
   * Change an issue. `touch` (default true) moves `updated` to now, as edits, comments and sprint
   * moves do in Jira; entity-property writes pass false.
   */
  write(issue: SiteIssue, change: (issue: SiteIssue) => void, options: { touch?: boolean; causedBy?: string } = {}): void {
    const earlier = this.pending.get(issue.id);
    const before = structuredClone(issue);
    if (earlier) earlier.writtenAtWallMs = Date.now();
    else this.pending.set(issue.id, { before, writtenAtWallMs: Date.now() });
    change(issue);
    if (options.touch ?? true) issue.updatedMs = Math.max(issue.updatedMs, this.clock.now());
    this.observer?.changed(before, issue, options.causedBy ?? this.actor);
  }

  /** The issue as a lagging search index still sees it: before writes younger than `lagMs`. */
  searchView(issue: SiteIssue, lagMs: number, reconciled: ReadonlySet<string>): SiteIssue {
    const pending = this.pending.get(issue.id);
    if (!pending) return issue;
    if (lagMs <= 0 || reconciled.has(issue.id) || Date.now() - pending.writtenAtWallMs >= lagMs) {
      this.pending.delete(issue.id);
      return issue;
    }
    return pending.before;
  }
}
