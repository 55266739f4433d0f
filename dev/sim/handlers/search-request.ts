/**
 * The search request of `/rest/api/3/search/jql`, read from either form into one `SearchRequest`:
 *
 * - `POST`: the body (`SearchAndReconcileRequestBean`), checked as strictly as Jira's JSON binding:
 *   unknown keys and wrong types are 400s.
 * - `GET`: the query parameters of `searchAndReconsileIssuesUsingJql`. Lists (`fields`, `properties`,
 *   `reconcileIssues`) come repeated or comma-separated; `expand` is one comma-separated string (repeated
 *   values are joined); a number or boolean that does not parse is a 400; unknown parameters are ignored,
 *   as JAX-RS does. `failFast` is accepted and has no effect: the simulator always has all field data.
 *
 * Both then hold the documented limits: a 32-bit `maxResults`, at most 5 properties, at most 50 issues
 * to reconcile.
 */
import { badRequest } from '../http/errors';

export interface SearchRequest {
  readonly jql: string;
  readonly nextPageToken?: string;
  readonly maxResults?: number;
  readonly fields?: string[];
  readonly expand?: string;
  readonly properties: string[];
  readonly fieldsByKeys: boolean;
  /** GET only (the body has no such key); no effect here. */
  readonly failFast: boolean;
  readonly reconcileIssues: string[];
}

const KNOWN = ['jql', 'nextPageToken', 'maxResults', 'fields', 'expand', 'properties', 'fieldsByKeys', 'reconcileIssues'];
const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };

const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');

/** The limits both forms share, on a request whose types are already right. */
function withinLimits(request: SearchRequest): SearchRequest {
  const { maxResults, properties, reconcileIssues } = request;
  if (maxResults !== undefined && (maxResults < INT32.min || maxResults > INT32.max)) throw badRequest(`The 'maxResults' value ${maxResults} is out of range for a 32-bit integer.`);
  if (properties.length > 5) throw badRequest(`You can request at most 5 issue properties; ${properties.length} were requested.`);
  if (reconcileIssues.length > 50) throw badRequest(`You can reconcile at most 50 issues; ${reconcileIssues.length} were given.`);
  return request;
}

/** `POST /rest/api/3/search/jql`: the JSON body. */
export function readSearchRequest(body: unknown): SearchRequest {
  if (body === undefined || body === null) throw badRequest('The request body is missing.');
  if (typeof body !== 'object' || Array.isArray(body)) throw badRequest('The request body must be a JSON object.');
  const raw = body as Record<string, unknown>;
  const unknown = Object.keys(raw).find((key) => !KNOWN.includes(key));
  if (unknown) throw badRequest(`Unrecognized field "${unknown}" (class SearchAndReconcileRequestBean), not marked as ignorable.`);
  const { jql, nextPageToken, maxResults, fields, expand, properties, fieldsByKeys, reconcileIssues } = raw;
  if (jql !== undefined && typeof jql !== 'string') throw badRequest("The 'jql' value must be a string.");
  if (nextPageToken !== undefined && nextPageToken !== null && typeof nextPageToken !== 'string') throw badRequest("The 'nextPageToken' value must be a string.");
  if (maxResults !== undefined && !Number.isInteger(maxResults)) throw badRequest("The 'maxResults' value must be an integer.");
  if (fields !== undefined && !isStringList(fields)) throw badRequest("The 'fields' value must be a list of strings.");
  if (expand !== undefined && typeof expand !== 'string') throw badRequest("The 'expand' value must be a comma-separated string.");
  if (properties !== undefined && !isStringList(properties)) throw badRequest("The 'properties' value must be a list of strings.");
  if (fieldsByKeys !== undefined && typeof fieldsByKeys !== 'boolean') throw badRequest("The 'fieldsByKeys' value must be a boolean.");
  if (reconcileIssues !== undefined && !(Array.isArray(reconcileIssues) && reconcileIssues.every((id) => Number.isInteger(id)))) {
    throw badRequest("The 'reconcileIssues' value must be a list of issue ids (integers).");
  }
  return withinLimits({
    jql: (jql as string | undefined) ?? '',
    ...(typeof nextPageToken === 'string' ? { nextPageToken } : {}),
    ...(typeof maxResults === 'number' ? { maxResults } : {}),
    ...(fields !== undefined ? { fields: fields as string[] } : {}),
    ...(typeof expand === 'string' ? { expand } : {}),
    properties: (properties as string[] | undefined) ?? [],
    fieldsByKeys: fieldsByKeys === true,
    failFast: false,
    reconcileIssues: ((reconcileIssues as number[] | undefined) ?? []).map(String),
  });
}

/** Every value of a list parameter, repeated or comma-separated; undefined when the parameter is absent. */
function queryList(query: URLSearchParams, name: string): string[] | undefined {
  const values = query.getAll(name);
  if (values.length === 0) return undefined;
  return values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
}

/** A single-valued parameter: the first value (as JAX-RS binds it); undefined when absent or empty. */
function queryValue(query: URLSearchParams, name: string): string | undefined {
  const value = query.get(name);
  return value === null || value === '' ? undefined : value;
}

function queryInteger(name: string, value: string): number {
  if (!/^[-+]?\d+$/.test(value.trim())) throw badRequest(`The '${name}' parameter must be an integer, not '${value}'.`);
  return Number(value.trim());
}

function queryBoolean(query: URLSearchParams, name: string): boolean {
  const value = queryValue(query, name);
  if (value === undefined) return false;
  const lower = value.trim().toLowerCase();
  if (lower !== 'true' && lower !== 'false') throw badRequest(`The '${name}' parameter must be true or false, not '${value}'.`);
  return lower === 'true';
}

/** `GET /rest/api/3/search/jql`: the query parameters, into the same request the body gives. */
export function readSearchQuery(query: URLSearchParams): SearchRequest {
  const nextPageToken = queryValue(query, 'nextPageToken');
  const maxResults = queryValue(query, 'maxResults');
  const fields = queryList(query, 'fields');
  const expand = query.getAll('expand').filter((v) => v !== '');
  return withinLimits({
    jql: query.get('jql') ?? '',
    ...(nextPageToken !== undefined ? { nextPageToken } : {}),
    ...(maxResults !== undefined ? { maxResults: queryInteger('maxResults', maxResults) } : {}),
    ...(fields !== undefined ? { fields } : {}),
    ...(expand.length > 0 ? { expand: expand.join(',') } : {}),
    properties: queryList(query, 'properties') ?? [],
    fieldsByKeys: queryBoolean(query, 'fieldsByKeys'),
    failFast: queryBoolean(query, 'failFast'),
    reconcileIssues: (queryList(query, 'reconcileIssues') ?? []).map((id) => String(queryInteger('reconcileIssues', id))),
  });
}
