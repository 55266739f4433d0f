/**
 * A few lines of HTTP client for talking to a running simulator as one of its demo users, used by
 * the simulator's own tests (and handy in a REPL): basic auth, JSON in, JSON (or raw text) out.
 */
import type { Simulator } from './index';
import type { LoginRole } from './site/model';

export interface SimResponse<T = unknown> {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** Parsed body; undefined when empty or not JSON. */
  readonly json: T;
}

export type Caller = <T = unknown>(method: string, path: string, body?: unknown) => Promise<SimResponse<T>>;

/** A caller as `role` (or with raw credentials / none, for auth tests). */
export function callerFor(sim: Pick<Simulator, 'url' | 'users'>, who: LoginRole | { email: string; token: string } | null): Caller {
  const credentials = who === null ? undefined : typeof who === 'string' ? sim.users[who] : who;
  return async <T>(method: string, path: string, body?: unknown): Promise<SimResponse<T>> => {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (credentials) headers.Authorization = `Basic ${Buffer.from(`${credentials.email}:${credentials.token}`).toString('base64')}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(`${sim.url}${path}`, { method, headers, ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}) });
    const text = await response.text();
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, text, json: json as T };
  };
}

export interface SearchPage {
  issues: { id: string; key?: string; fields?: Record<string, unknown>; properties?: Record<string, unknown> }[];
  nextPageToken?: string;
  isLast: boolean;
}

/** Follow `nextPageToken` to the end; returns every page. */
export async function searchAll(call: Caller, body: Record<string, unknown>): Promise<SearchPage[]> {
  const pages: SearchPage[] = [];
  let token: string | undefined;
  for (let guard = 0; guard < 1000; guard++) {
    const response = await call<SearchPage>('POST', '/rest/api/3/search/jql', { ...body, ...(token ? { nextPageToken: token } : {}) });
    if (response.status !== 200) throw new Error(`Search failed with ${response.status}: ${response.text}`);
    pages.push(response.json);
    if (response.json.isLast || !response.json.nextPageToken) return pages;
    token = response.json.nextPageToken;
  }
  throw new Error('Search did not end after 1000 pages.');
}
