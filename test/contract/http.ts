/**
 * The toolkit at the level tests actually observe: an HTTP method, a URL and a body. The operation is found
 * with `matchOperation` (src/jira/operations.ts), so a request for an endpoint the app has not declared fails
 * the contract instead of escaping it; path parameters are cut out of the URL by the operation's template.
 */
import { JIRA_OPERATIONS, matchOperation, type OperationId } from '../../src/jira/operations';
import { validateRequest, validateResponse, type ValidationResult } from './openapi';
import { type QueryValue } from './parameters';

export interface HttpValidationResult extends ValidationResult {
  /** The operation the request was matched to, if any. */
  readonly operationId?: OperationId;
}

function parse(method: string, url: string): { operationId: OperationId; pathParams: Record<string, string>; query: Record<string, QueryValue> } | string {
  const parsed = new URL(url, 'http://jira.invalid');
  const operationId = matchOperation(method, parsed.pathname);
  if (!operationId) return `${method.toUpperCase()} ${parsed.pathname}: no operation in JIRA_OPERATIONS matches`;
  const template = JIRA_OPERATIONS[operationId].path;
  const names = [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? '');
  const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '([^/]+)')}$`);
  const values = pattern.exec(parsed.pathname)?.slice(1) ?? [];
  const pathParams = Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(values[i] ?? '')]));
  const query: Record<string, QueryValue> = {};
  for (const key of new Set(parsed.searchParams.keys())) {
    const all = parsed.searchParams.getAll(key);
    query[key] = all.length === 1 ? (all[0] ?? '') : all;
  }
  return { operationId, pathParams, query };
}

/** `validateRequest` for a concrete request, e.g. `('GET', '/rest/api/3/issue/SUP-1/worklog?startedAfter=1', undefined)`. */
export function validateHttpRequest(method: string, url: string, body?: unknown): HttpValidationResult {
  const request = parse(method, url);
  if (typeof request === 'string') return { valid: false, errors: [request] };
  const { operationId, pathParams, query } = request;
  return { operationId, ...validateRequest(operationId, { pathParams, query, body }) };
}

/** `validateResponse` for the answer to a concrete request. */
export function validateHttpResponse(method: string, url: string, status: number, body: unknown): HttpValidationResult {
  const request = parse(method, url);
  if (typeof request === 'string') return { valid: false, errors: [request] };
  return { operationId: request.operationId, ...validateResponse(request.operationId, status, body) };
}
