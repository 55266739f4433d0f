/**
 * The local preview: serves the real built Custom UI with the bridge stand-in, and answers its
 * `invoke` calls by running the real resolver handler in Node — with the Forge context built here
 * from the chosen user, Jira reached over HTTP (the simulator or a real site) and a local store.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize } from 'node:path';
import { MemoryStore } from '../../src/app/storage/memory-store';
import { BasicAuthTransport } from '../../src/jira/basic-auth-transport';
import { JiraClient } from '../../src/jira/jira-client';
import { SYSTEM_CLOCK, type Clock, type KeyValueStore } from '../../src/ports';
import { buildResolverHandler } from '../../src/resolvers/index';
import { NON_COLOUR_THEMES, bridgeScript } from './bridge-script';
import { indexPage } from './index-page';
import { previewUser, surfaceFor, type PreviewUser } from './surfaces';

export interface PreviewLogin {
  readonly email: string;
  readonly apiToken: string;
  readonly accountId: string;
  readonly displayName: string;
}

export interface PreviewOptions {
  readonly port?: number;
  /** The built UI (static/build). */
  readonly staticDir: string;
  readonly jiraBaseUrl: string;
  /** Who each preview user is on that site (a real site has one login for all four). */
  readonly logins: Readonly<Record<PreviewUser, PreviewLogin>>;
  /** Who the app itself is on that site (Forge's `asApp`): the simulator's app login, or the one login of a real site. */
  readonly appLogin: PreviewLogin;
  /** Issue keys to link from the index page. */
  readonly sampleIssues: readonly string[];
  readonly projects: readonly string[];
  readonly store?: KeyValueStore;
  readonly clock?: Clock;
}

export interface Preview {
  readonly url: string;
  close(): Promise<void>;
  readonly store: KeyValueStore;
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.png': 'image/png' };

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as unknown;
}

/**
 * The design-token stylesheets Jira puts on an app's page when it calls `view.theme.enable()`, taken
 * from the installed @atlaskit/tokens (the same CSS `setGlobalTheme` would load), served to the bridge
 * stand-in as `/__preview/theme/<id>.css`.
 */
const THEME_IDS = new Set<string>(['light', 'dark', ...NON_COLOUR_THEMES]);
const nodeRequire = createRequire(__filename);
const tokensDir = dirname(nodeRequire.resolve('@atlaskit/tokens/package.json'));
function themeCss(id: string): string | undefined {
  if (!THEME_IDS.has(id)) return undefined;
  return (nodeRequire(join(tokensDir, 'dist', 'cjs', 'artifacts', 'themes', `atlassian-${id}.js`)) as { default: string }).default;
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}

export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const store = options.store ?? new MemoryStore();
  const clock = options.clock ?? SYSTEM_CLOCK;
  const byAccount = new Map(Object.values(options.logins).map((l) => [l.accountId, l]));
  const clientAs = (login: PreviewLogin) => JiraClient.create({ transport: new BasicAuthTransport({ baseUrl: options.jiraBaseUrl, email: login.email, apiToken: login.apiToken }) });
  // A client per invocation, as Forge gives each one: a client's time budget starts when it is made.
  const handler = buildResolverHandler((ctx) => {
    const login = byAccount.get(ctx.accountId);
    if (!login) throw new Error(`No preview login for ${ctx.accountId}`);
    return { jira: clientAs(login), appJira: clientAs(options.appLogin), store, clock };
  });

  async function invoke(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const user = previewUser(req.headers['x-preview-user'] as string | undefined);
    const body = (await readJson(req)) as { functionKey?: unknown; payload?: unknown; extension?: unknown; moduleKey?: unknown };
    if (typeof body.functionKey !== 'string') return send(res, 400, 'application/json', JSON.stringify({ error: 'functionKey is required' }));
    // Identity is the server's choice (from the user switcher), exactly as Forge supplies principal.accountId.
    const result = await handler(
      { call: { functionKey: body.functionKey, payload: body.payload ?? {} }, context: { extension: body.extension ?? {}, moduleKey: body.moduleKey } },
      { principal: { accountId: options.logins[user].accountId }, installContext: 'ari:cloud:jira::site/preview' },
    );
    send(res, 200, 'application/json', JSON.stringify(result));
  }

  async function page(url: URL, res: ServerResponse): Promise<void> {
    const surface = surfaceFor(url.pathname);
    if (!surface) return send(res, 404, 'text/plain; charset=utf-8', 'No such page. Open / for the list of surfaces.');
    const user = previewUser(url.searchParams.get('as'));
    const login = options.logins[user];
    // `&theme=dark`: Jira is in its dark theme; `&refresh=refuse`: the host will not refresh this view.
    const colorMode = url.searchParams.get('theme') === 'dark' ? 'dark' : 'light';
    const refuseRefresh = url.searchParams.get('refresh') === 'refuse';
    const context = {
      ...surface,
      accountId: login.accountId,
      cloudId: 'preview',
      // As Forge forms it (ari:cloud:ecosystem::extension/{appId}/{envId}/static/{moduleKey}), which the UI reads links from.
      localId: `ari:cloud:ecosystem::extension/preview-app/preview-env/static/${surface.moduleKey}`,
      locale: 'en-US',
      timezone: 'UTC',
      siteUrl: options.jiraBaseUrl,
      environmentType: 'DEVELOPMENT',
      theme: { colorMode },
    };
    const html = await readFile(join(options.staticDir, 'index.html'), 'utf8').catch(() => undefined);
    if (!html) return send(res, 503, 'text/plain; charset=utf-8', 'The UI is not built: run npm run build (npm start does it for you).');
    const injected = html.replace('<head>', `<head><base href="/"><script>${bridgeScript(context, user, { colorMode, refuseRefresh })}</script>`);
    send(res, 200, TYPES['.html'] as string, injected);
  }

  function theme(url: URL, res: ServerResponse): void {
    const css = themeCss(url.pathname.slice('/__preview/theme/'.length).replace(/\.css$/, ''));
    if (css === undefined) return send(res, 404, 'text/plain', 'No such theme');
    send(res, 200, TYPES['.css'] as string, css);
  }

  async function asset(url: URL, res: ServerResponse): Promise<void> {
    const path = normalize(join(options.staticDir, decodeURIComponent(url.pathname)));
    if (!path.startsWith(normalize(options.staticDir))) return send(res, 403, 'text/plain', 'Forbidden');
    const data = await readFile(path).catch(() => undefined);
    if (!data) return send(res, 404, 'text/plain', 'Not found');
    send(res, 200, TYPES[extname(path)] ?? 'application/octet-stream', data);
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://preview.local');
    const work =
      req.method === 'POST' && url.pathname === '/__forge/invoke'
        ? invoke(req, res)
        : url.pathname === '/'
          ? Promise.resolve(send(res, 200, TYPES['.html'] as string, indexPage(options.projects, options.sampleIssues, options.logins)))
          : url.pathname.startsWith('/__preview/theme/')
            ? Promise.resolve(theme(url, res))
            : url.pathname.startsWith('/assets/') || url.pathname === '/icon.svg'
              ? asset(url, res)
              : page(url, res);
    work.catch((error: unknown) => send(res, 500, 'text/plain; charset=utf-8', `Preview error: ${error instanceof Error ? error.message : String(error)}`));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 8080, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    store,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
