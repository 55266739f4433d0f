/**
 * Users as Jira's JSON has them: `UserDetails` inside issues and worklogs (the schema forbids
 * anything more), and the fuller `User` of `/myself` and the user searches. `accountType` is `app`
 * for the app's own account, `atlassian` for people.
 */
import type { SiteUser } from '../site/model';

function avatarUrls(base: string, user: SiteUser): Record<'16x16' | '24x24' | '32x32' | '48x48', string> {
  const url = (size: number) => `${base}/secure/useravatar?size=${size}&ownerId=${encodeURIComponent(user.accountId)}`;
  return { '48x48': url(48), '24x24': url(24), '16x16': url(16), '32x32': url(32) };
}

const userSelf = (base: string, user: SiteUser): string => `${base}/rest/api/3/user?accountId=${encodeURIComponent(user.accountId)}`;

export function userDetails(base: string, user: SiteUser): Record<string, unknown> {
  return {
    self: userSelf(base, user),
    accountId: user.accountId,
    emailAddress: user.email,
    avatarUrls: avatarUrls(base, user),
    displayName: user.displayName,
    active: true,
    timeZone: user.timeZone,
    accountType: user.accountType ?? 'atlassian',
  };
}

/** Group membership by login role; everyone else is a plain Jira Software user. */
const GROUPS: Readonly<Record<string, readonly string[]>> = {
  admin: ['jira-admins', 'jira-software-users'],
  outsider: ['jira-servicemanagement-customers'],
  app: ['atlassian-addons-admin'],
};

/** `User`; `expand` may name `groups` and `applicationRoles`, which are otherwise sizes only. */
export function userBean(base: string, user: SiteUser, expand: ReadonlySet<string> = new Set()): Record<string, unknown> {
  const groups = GROUPS[user.login ?? ''] ?? ['jira-software-users'];
  // App accounts and customers hold no product licence.
  const roles = user.login === 'outsider' || user.login === 'app' ? [] : [{ key: 'jira-software', name: 'Jira Software' }];
  return {
    self: userSelf(base, user),
    accountId: user.accountId,
    accountType: user.accountType ?? 'atlassian',
    emailAddress: user.email,
    avatarUrls: avatarUrls(base, user),
    displayName: user.displayName,
    active: true,
    timeZone: user.timeZone,
    locale: 'en_US',
    groups: { size: groups.length, items: expand.has('groups') ? groups.map((name) => ({ name, self: `${base}/rest/api/3/group?groupname=${name}` })) : [] },
    applicationRoles: { size: roles.length, items: expand.has('applicationRoles') ? roles : [] },
    expand: 'groups,applicationRoles',
  };
}
