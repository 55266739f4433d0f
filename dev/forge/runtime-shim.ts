/**
 * A stand-in for the Forge runtime's product-fetch hook, so the real `@forge/api` (`asUser()` /
 * `asApp().requestJira`) runs in Node against the simulator or a real site with API tokens.
 *
 * `@forge/api` sends every product request through `global.__forge_fetch__({provider, …}, path, init)`;
 * in Forge the platform supplies it and signs the request as the user or the app. Here we supply it
 * and sign with basic auth: the user's credentials for `provider: 'user'`, the app's for `'app'`.
 * `@forge/kvs` sends its storage calls through the same hook with `type: 'kvs'` (and `provider:
 * 'app'`, so the type must be looked at first); with the `kvs` option those go to a local store such
 * as the KVS emulator, so one shim serves the whole Forge runtime the app uses. It can also play
 * what Forge's proxy does before Jira is reached: ask for the user's consent, or fail on its own.
 */
import type { KvsBackend } from './kvs-emulator';

export interface Credentials {
  readonly email: string;
  readonly apiToken: string;
}

export interface RuntimeShimOptions {
  readonly baseUrl: string;
  /** Who `asUser()` is. */
  readonly user: Credentials;
  /** Who `asApp()` is (on the simulator, an admin account plays the app user). */
  readonly app: Credentials;
  /** Where `@forge/kvs` calls go (e.g. a KvsEmulator); without it they fail, as outside Forge. */
  readonly kvs?: KvsBackend;
  /**
   * `false`: the user has not yet allowed the app to act for them. Forge's proxy then answers every
   * `asUser()` product request with the `forge-proxy-error: NEEDS_AUTHENTICATION_ERR` header, from which
   * `@forge/api` throws its `NeedsAuthenticationError` (what makes Forge show the "Allow access" prompt).
   */
  readonly userConsented?: boolean;
  /**
   * A fault of Forge's proxy for the next product requests: answer `status` with `forge-proxy-error:
   * code` (from which `@forge/api` throws `ProxyRequestError`) instead of forwarding, `times` times.
   */
  readonly proxyFault?: { status: number; code: string; times: number };
}

type ForgeFetch = (args: { type?: string; provider?: string }, path: string, init?: RequestInit) => Promise<Response>;
const globals = globalThis as typeof globalThis & { __forge_fetch__?: ForgeFetch };

const basic = (c: Credentials): string => `Basic ${Buffer.from(`${c.email}:${c.apiToken}`).toString('base64')}`;

/** Install the hook; returns a function that removes it again. */
export function installForgeRuntimeShim(options: RuntimeShimOptions): () => void {
  const previous = globals.__forge_fetch__;
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  let proxyFaults = options.proxyFault?.times ?? 0;
  globals.__forge_fetch__ = async (args, path, init = {}) => {
    if (args.type === 'kvs') {
      if (!options.kvs) throw new Error('The Forge runtime shim has no KVS store: pass the kvs option (e.g. new KvsEmulator()).');
      return options.kvs.fetch(path, init);
    }
    if (args.provider !== 'app' && options.userConsented === false) {
      return new Response(null, { status: 401, headers: { 'forge-proxy-error': 'NEEDS_AUTHENTICATION_ERR' } });
    }
    if (proxyFaults > 0 && options.proxyFault) {
      proxyFaults--;
      return new Response(null, { status: options.proxyFault.status, headers: { 'forge-proxy-error': options.proxyFault.code } });
    }
    const credentials = args.provider === 'app' ? options.app : options.user;
    const headers = new Headers(init.headers);
    headers.set('Authorization', basic(credentials));
    return fetch(`${baseUrl}${path}`, { ...init, headers });
  };
  return () => {
    if (previous) globals.__forge_fetch__ = previous;
    else delete globals.__forge_fetch__;
  };
}
