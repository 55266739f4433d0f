/**
 * Jira paths are built only with Forge's `route` tag: it refuses path manipulation (`..`, `/`, `?`
 * in a path segment) and encodes query values. It is pure code, so the local HTTP transport and the
 * tests use the real one too. This file is the one door through which code outside the Forge
 * adapters reaches it (only `src/forge/` may import `@forge/api`).
 */
export { route, type Route } from '@forge/api';

import type { Route } from '@forge/api';

/** The path and query a route stands for, e.g. `/rest/api/3/issue/SUP-1?fields=summary`. */
export function routePath(r: Route): string {
  return r.value;
}
