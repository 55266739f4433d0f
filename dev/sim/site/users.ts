/**
 * The demo site's people. Four can log in (HTTP basic auth, token `demo`) and stand for the four
 * kinds of user the app must handle; two more are team members who log work and can be assigned.
 * A fifth login is the app's own account (`accountType: 'app'`, the `557058:` form Atlassian gives
 * app users): what a Forge app's `asApp()` calls are made as. It is nobody's teammate: it logs no
 * work, is never assigned, and user searches leave it out, as Jira's do.
 * Account ids look like Atlassian's (the `712020:` form and the older 24-character form).
 */
import type { LoginRole, SiteUser } from './model';

export const DEMO_TOKEN = 'demo';

export const DEMO_USERS: readonly SiteUser[] = [
  { accountId: '712020:5f2c3a1e-7b4d-4c8e-9a61-0d3e2b7f4a10', displayName: 'Alex Morgan', email: 'admin@demo.test', login: 'admin', token: DEMO_TOKEN, timeZone: 'UTC' },
  { accountId: '712020:a8d41c77-2e90-4b1f-8c35-6f7e9d0b2c21', displayName: 'Priya Shah', email: 'po@demo.test', login: 'po', token: DEMO_TOKEN, timeZone: 'UTC' },
  { accountId: '712020:c3b9e6f2-51a7-4d0c-b8e4-2a9f1c6d7e32', displayName: 'Dana Kim', email: 'dev@demo.test', login: 'dev', token: DEMO_TOKEN, timeZone: 'UTC' },
  { accountId: '712020:e71f0a94-8c2d-4b6a-a3f5-9d4c8b1e0f43', displayName: 'Olly Reed', email: 'outsider@demo.test', login: 'outsider', token: DEMO_TOKEN, timeZone: 'UTC' },
  { accountId: '5b10a2844c20165700ede21g', displayName: 'Mia Krystof', email: 'mia@demo.test', timeZone: 'UTC' },
  { accountId: '712020:8c1e5d2a-3f6b-4e7c-9d0a-1b2c3d4e5f64', displayName: 'Sam Lee', email: 'sam@demo.test', timeZone: 'UTC' },
  // Last, so the people keep their places in every list (and the seeded site stays as it was).
  { accountId: '557058:3c8e1f0a-6b2d-4e9a-8f7c-1d5e2a9b4c60', displayName: 'Interrupt Budget', email: 'app@demo.test', login: 'app', token: DEMO_TOKEN, timeZone: 'UTC', accountType: 'app' },
];

/**
 * The product owner before Priya, whose Atlassian account has since been deleted: the site knows no
 * such user (user searches and `GET /user/bulk` leave the id out), yet an old decision still names
 * them (seed/active-tickets.ts, the long-running ticket). Jira shows such a person as "Former user";
 * so must the app, never the id.
 */
export const FORMER_USER_ID = '712020:0b7d2e4c-9a15-4f3e-8c6d-5e4f3a2b1c05';

/** An app's own account rather than a person's. */
export function isAppAccount(user: SiteUser): boolean {
  return user.accountType === 'app';
}

/** People who work on the projects: they log work, get assigned, report tickets. Never the app. */
export const TEAM_MEMBER_IDS: readonly string[] = DEMO_USERS.filter((u) => u.login !== 'outsider' && !isAppAccount(u)).map((u) => u.accountId);

export function loginUser(role: LoginRole): SiteUser {
  const user = DEMO_USERS.find((u) => u.login === role);
  if (!user) throw new Error(`No demo user for ${role}.`);
  return user;
}
