/**
 * The HTTP front of the simulator: for each request, latency and refusal faults first, then basic
 * auth (401 in Jira's shape), the points quota (429 once the app's pool is spent, points/meter.ts),
 * routing to the operation's handler, Jira-shaped errors, the answer's points and quota headers,
 * body faults, and a line in the request log. `/__sim/*` and the avatar images (`/secure/useravatar`, http/avatar.ts) bypass all of it.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { FaultController } from '../faults/controller';
import { tenantOf, type Charge, type PointsMeter } from '../points/meter';
import type { SiteStore } from '../site/store';
import { authenticate } from './auth';
import type { Reply, RequestContext } from './context';
import { sendAvatar } from './avatar';
import { handleControl } from './control';
import { JiraHttpError, UNAUTHENTICATED, errorCollection } from './errors';
import { readBody } from './read-body';
import type { RequestLog } from './request-log';
import { HANDLERS, pathKnown, route } from './router';
import { bodyText, send } from './send';

export interface ServerDeps {
  readonly store: SiteStore;
  readonly faults: FaultController;
  readonly log: RequestLog;
  readonly points: PointsMeter;
  /** The simulator's own URL, known once it listens. */
  readonly base: () => string;
}

/** The old issue search, removed from Jira Cloud in 2025: answered as Jira answers it now. */
const REMOVED_SEARCH = /^\/rest\/api\/[23]\/search$/;
const REMOVED_SEARCH_MESSAGE =
  'The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function queryRecord(params: URLSearchParams): Record<string, string> {
  const record: Record<string, string> = {};
  for (const key of new Set(params.keys())) record[key] = params.getAll(key).join(',');
  return record;
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new JiraHttpError(400, errorCollection([`Unexpected character in the JSON body: ${error instanceof Error ? error.message : 'not JSON'}`]));
  }
}

/** The request body as the log shows it: parsed JSON, the raw text when it is not JSON, or undefined. */
function asLogged(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

async function handle(deps: ServerDeps, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const method = (request.method ?? 'GET').toUpperCase();
  const url = new URL(request.url ?? '/', 'http://simulator.local');
  const requestText = await readBody(request);
  if (url.pathname.startsWith('/__sim/') || url.pathname === '/__sim') {
    handleControl(deps, method, url.pathname, requestText, response);
    return;
  }
  if (method === 'GET' && url.pathname === '/secure/useravatar') {
    sendAvatar(deps.store, url, response);
    return;
  }
  const found = route(method, url.pathname);
  const operationId = found?.operationId;
  const user = authenticate(deps.store, request.headers.authorization);
  const metered = user ? { operationId, user, tenant: tenantOf(request.headers) } : undefined;
  let reply: Reply;
  let quotaRefusal: Reply | undefined;

  const latency = deps.faults.latencyMs(operationId);
  if (latency > 0) await sleep(latency);
  const refusal = deps.faults.beforeHandling(method, found?.template ?? url.pathname, operationId);
  try {
    if (refusal) reply = refusal;
    else if (!user || !metered) reply = { status: 401, body: errorCollection([UNAUTHENTICATED]), headers: { 'WWW-Authenticate': 'Basic realm="protected-area"' } };
    else if ((quotaRefusal = deps.points.admit(metered))) reply = quotaRefusal;
    else if (REMOVED_SEARCH.test(url.pathname)) reply = { status: 410, body: { errorMessages: [REMOVED_SEARCH_MESSAGE] } };
    else if (!found) reply = { status: pathKnown(url.pathname) ? 405 : 404, body: errorCollection([`No operation ${method} ${url.pathname} on this site.`]) };
    else if (requestText.trim() !== '' && !/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
      // Jira's REST layer only reads JSON bodies: anything else is 415, as in Jira.
      reply = { status: 415, body: errorCollection(['Unsupported Media Type: send the body as application/json.']) };
    } else {
      const requestBody = parseJson(requestText);
      const ctx: RequestContext = {
        operationId: found.operationId,
        method,
        path: url.pathname,
        params: found.params,
        query: url.searchParams,
        body: requestBody,
        user,
        store: deps.store,
        render: { store: deps.store, base: deps.base(), nowMs: deps.store.clock.now() },
        faults: deps.faults,
      };
      reply = deps.store.actingAs(user.accountId, () => HANDLERS[found.operationId](ctx));
    }
  } catch (error) {
    reply = error instanceof JiraHttpError
      ? { status: error.status, body: error.body, headers: error.headers }
      : { status: 500, body: errorCollection([`The simulator failed: ${error instanceof Error ? error.message : String(error)}`]) };
  }
  // Only answers Jira worked for cost points: not fault refusals, 401s or the quota's own 429.
  const charge: Charge | undefined = metered && !refusal && !quotaRefusal ? deps.points.charge(metered, reply.status, reply.body) : undefined;
  const bodyFault = reply.body === undefined || refusal ? {} : deps.faults.afterHandling(operationId);
  const text = bodyText(reply.status, reply.body, bodyFault);
  // Logged before the answer leaves, so a client that has its answer always finds it in the log.
  deps.log.record({
    method,
    path: url.pathname,
    query: queryRecord(url.searchParams),
    body: asLogged(requestText),
    user: user?.accountId ?? null,
    operationId,
    status: reply.status,
    responseBody: bodyFault.malformed ? text : reply.body,
    points: charge?.points ?? 0,
  });
  await send(response, reply.status, text, { ...reply.headers, ...charge?.headers }, bodyFault);
}

export function createSimulatorServer(deps: ServerDeps): Server {
  return createServer((request, response) => {
    handle(deps, request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(errorCollection([`The simulator failed: ${error instanceof Error ? error.message : String(error)}`])));
    });
  });
}
