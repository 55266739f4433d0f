/**
 * The body of `POST /rest/api/3/search/jql` (`SearchAndReconcileRequestBean`), checked as strictly
 * as Jira's JSON binding: unknown keys and wrong types are 400s, and the documented limits hold
 * (at most 5 properties, at most 50 issues to reconcile).
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
  readonly reconcileIssues: string[];
}

const KNOWN = ['jql', 'nextPageToken', 'maxResults', 'fields', 'expand', 'properties', 'fieldsByKeys', 'reconcileIssues'];

const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');

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
  if (isStringList(properties) && properties.length > 5) throw badRequest(`You can request at most 5 issue properties; ${properties.length} were requested.`);
  if (fieldsByKeys !== undefined && typeof fieldsByKeys !== 'boolean') throw badRequest("The 'fieldsByKeys' value must be a boolean.");
  if (reconcileIssues !== undefined && !(Array.isArray(reconcileIssues) && reconcileIssues.every((id) => Number.isInteger(id)))) {
    throw badRequest("The 'reconcileIssues' value must be a list of issue ids (integers).");
  }
  const reconcile = (reconcileIssues as number[] | undefined) ?? [];
  if (reconcile.length > 50) throw badRequest(`You can reconcile at most 50 issues; ${reconcile.length} were given.`);
  return {
    jql: (jql as string | undefined) ?? '',
    ...(typeof nextPageToken === 'string' ? { nextPageToken } : {}),
    ...(typeof maxResults === 'number' ? { maxResults } : {}),
    ...(fields !== undefined ? { fields: fields as string[] } : {}),
    ...(typeof expand === 'string' ? { expand } : {}),
    properties: (properties as string[] | undefined) ?? [],
    fieldsByKeys: fieldsByKeys === true,
    reconcileIssues: reconcile.map(String),
  };
}
