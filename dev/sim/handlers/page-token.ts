/**
 * Opaque `nextPageToken`s for `/search/jql`: the offset of the next page, bound to the query it was
 * issued for, so a token replayed with other JQL is refused rather than silently misapplied.
 */
import { badRequest } from '../http/errors';

function fingerprint(jql: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < jql.length; i++) hash = Math.imul(hash ^ jql.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(36);
}

export function issuePageToken(jql: string, offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset, q: fingerprint(jql) })).toString('base64url');
}

export function readPageToken(jql: string, token: string | undefined): number {
  if (token === undefined) return 0;
  try {
    const decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o?: unknown; q?: unknown };
    if (typeof decoded.o === 'number' && Number.isInteger(decoded.o) && decoded.o >= 0 && decoded.q === fingerprint(jql)) return decoded.o;
  } catch {
    // fall through to the refusal below
  }
  throw badRequest('The provided next page token is invalid or does not belong to this query.');
}
