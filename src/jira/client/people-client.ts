/**
 * Who the user is and what they may do: `myself`, `mypermissions` (the `permissions` parameter is
 * mandatory since 2024), and assignable-user search for the support rotation roster.
 */
import { z } from 'zod';
import { route } from '../../forge/route';
import type { JiraHttp } from '../jira-http';
import { permissionsSchema, userSchema } from './schemas';

export type JiraUser = z.infer<typeof userSchema>;

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
  async assignableUsers(projectKey: string, query: string, maxResults = 20): Promise<JiraUser[]> {
    return this.http.json(
      'findAssignableUsers',
      { method: 'GET', route: route`/rest/api/3/user/assignable/search?project=${projectKey}&query=${query}&maxResults=${maxResults}` },
      z.array(userSchema),
    );
  }
}
