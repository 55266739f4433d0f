/**
 * Who the user is and what they may do: `myself`, `mypermissions` (the `permissions` parameter is
 * mandatory since 2024), the bulk permission check (which issues they may browse), and
 * assignable-user search for the support rotation roster.
 */
import { z } from 'zod';
import { route } from '../../forge/route';
import { chunk } from '../bounded-pool';
import { badResponse } from '../errors';
import type { JiraHttp } from '../jira-http';
import { bulkPermissionGrantsSchema, listedUserSchema, permissionsSchema, userPageSchema, userSchema } from './schemas';

/** Jira checks at most this many issues per bulk permission request. */
export const BULK_PERMISSION_ISSUES = 1000;

/**
 * Account ids per `GET /user/bulk` request, and the page size asked for. The spec names no maximum
 * for `maxResults` (default 10, which is why it is always sent); its own example answers a page of
 * 100. A hundred `712020:` ids also keep the query near 6 KB, well inside what proxies accept.
 */
export const BULK_USERS_PER_REQUEST = 100;

export type JiraUser = z.infer<typeof userSchema>;
export type ListedUser = z.infer<typeof listedUserSchema>;

export type PermissionScope = { readonly projectKey: string } | { readonly issueKey: string };

export class PeopleClient {
  constructor(private readonly http: JiraHttp) {}

  async myself(): Promise<JiraUser> {
    return this.http.json('getCurrentUser', { method: 'GET', route: route`/rest/api/3/myself` }, userSchema);
  }

  /** Which of `permissions` the user holds in the project or on the issue. */
  async myPermissions(scope: PermissionScope, permissions: readonly string[]): Promise<Record<string, boolean>> {
    const keys = permissions.join(',');
    const r = 'projectKey' in scope
      ? route`/rest/api/3/mypermissions?projectKey=${scope.projectKey}&permissions=${keys}`
      : route`/rest/api/3/mypermissions?issueKey=${scope.issueKey}&permissions=${keys}`;
    const answer = await this.http.json('getMyPermissions', { method: 'GET', route: r }, permissionsSchema);
    return Object.fromEntries(permissions.map((p) => [p, answer.permissions[p]?.havePermission === true]));
  }

  /**
   * Which of these issues (by id, as Jira's issue JSON has them) the caller may browse: Browse
   * Projects in the issue's project and, for an issue with a security level, membership of the level.
   * It is how a use case asks Jira, as the viewer, which issues of a list computed as the app it may
   * show them. One `getBulkPermissions` call per 1,000 distinct ids (none for an empty list); ids Jira
   * does not know are simply not in the answer. An id that is not a number is refused before anything
   * is sent: it cannot have come from Jira.
   */
  async browsableIssueIds(ids: readonly string[]): Promise<Set<string>> {
    const byNumber = new Map<number, string>();
    for (const id of ids) {
      const number = /^\d+$/.test(id) ? Number(id) : Number.NaN;
      if (!Number.isSafeInteger(number)) throw badResponse(`browsableIssueIds: the issue id "${id}" is not a number, so it cannot be an id Jira gave`);
      byNumber.set(number, id);
    }
    const browsable = new Set<string>();
    for (const issues of chunk([...byNumber.keys()], BULK_PERMISSION_ISSUES)) {
      const body = { projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], issues }] };
      const grants = await this.http.json('getBulkPermissions', { method: 'POST', route: route`/rest/api/3/permissions/check`, body }, bulkPermissionGrantsSchema);
      for (const grant of grants.projectPermissions) {
        if (grant.permission !== 'BROWSE_PROJECTS') continue;
        for (const id of grant.issues) {
          const asked = byNumber.get(id);
          if (asked !== undefined) browsable.add(asked);
        }
      }
    }
    return browsable;
  }

  /**
   * The people these account ids name (`GET /rest/api/3/user/bulk`, the `accountId` parameter once
   * per id), one request per 100 distinct ids, following the pages of a partial answer (`isLast`
   * false) within each. Ids Jira does not know (a deleted account) are simply missing from the
   * answer: the caller decides what to show for them. An empty list sends nothing.
   */
  async usersByIds(accountIds: readonly string[]): Promise<ListedUser[]> {
    const found: ListedUser[] = [];
    for (const ids of chunk([...new Set(accountIds)], BULK_USERS_PER_REQUEST)) {
      // At most one page per id: a server that keeps answering "not last" cannot keep us here.
      for (let startAt = 0, page = 0; page < ids.length; page++) {
        const query = new URLSearchParams([['startAt', String(startAt)], ['maxResults', String(BULK_USERS_PER_REQUEST)], ...ids.map((id) => ['accountId', id] as [string, string])]);
        const answer = await this.http.json('bulkGetUsers', { method: 'GET', route: route`/rest/api/3/user/bulk?${query}` }, userPageSchema);
        found.push(...answer.values);
        startAt += answer.values.length;
        if (answer.isLast !== false || answer.values.length === 0 || startAt >= ids.length) break;
      }
    }
    return found;
  }

  /**
   * One person by account id, if they can be assigned issues in the project (how the app puts a name
   * to an account id without the user-browsing permission that `GET /user` needs); undefined otherwise.
   */
  async assignableUser(projectKey: string, accountId: string): Promise<JiraUser | undefined> {
    const users = await this.http.json(
      'findAssignableUsers',
      { method: 'GET', route: route`/rest/api/3/user/assignable/search?project=${projectKey}&accountId=${accountId}&maxResults=${1}` },
      z.array(userSchema),
    );
    return users.find((u) => u.accountId === accountId);
  }

  /** People who can be assigned issues in the project, matching a name or email fragment. */
  async assignableUsers(projectKey: string, query: string, maxResults = 20): Promise<ListedUser[]> {
    return this.http.json(
      'findAssignableUsers',
      { method: 'GET', route: route`/rest/api/3/user/assignable/search?project=${projectKey}&query=${query}&maxResults=${maxResults}` },
      z.array(listedUserSchema),
    );
  }
}
