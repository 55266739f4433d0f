/**
 * HTTP basic auth as Jira Cloud takes it for API tokens: `email:token`. Anything else — no header,
 * another scheme, a wrong token — is anonymous, which the simulator refuses with 401.
 */
import type { SiteUser } from '../site/model';
import type { SiteStore } from '../site/store';

export function authenticate(store: SiteStore, authorization: string | undefined): SiteUser | undefined {
  const match = authorization?.match(/^Basic\s+([A-Za-z0-9+/=]+)\s*$/i);
  if (!match) return undefined;
  const decoded = Buffer.from(match[1] ?? '', 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  const user = store.userByEmail(decoded.slice(0, colon));
  return user?.token !== undefined && user.token === decoded.slice(colon + 1) ? user : undefined;
}
