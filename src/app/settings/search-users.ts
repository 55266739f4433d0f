/**
 * `settings.searchUsers`: people for the support rotation roster. The roster names whoever may be
 * assigned support tickets, so the candidates are the project's assignable users (which also needs
 * no user-browsing permission); deactivated accounts and apps are left out.
 */
import type { UserSearchResult } from '../../contract/settings';
import { FORMER_USER } from '../../contract/people';
import type { JiraPort } from '../../ports';

export const MAX_USERS = 20;

export async function searchUsers(jira: JiraPort, projectKey: string, query: string): Promise<UserSearchResult> {
  const users = await jira.people.assignableUsers(projectKey, query.trim(), MAX_USERS);
  return {
    users: users
      .filter((u) => u.active !== false && (u.accountType === undefined || u.accountType === 'atlassian'))
      .map((u) => {
        const avatarUrl = u.avatarUrls?.['48x48'];
        return { accountId: u.accountId, displayName: u.displayName?.trim() || FORMER_USER, ...(avatarUrl && /^https?:\/\//.test(avatarUrl) ? { avatarUrl } : {}) };
      }),
  };
}
