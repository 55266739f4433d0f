/**
 * Write an answer, spoiled when a body fault says so: trickled out slowly, cut in half, or replaced
 * by an HTML error page under a JSON content type (what a misbehaving proxy does).
 */
import type { ServerResponse } from 'node:http';
import type { BodyFault } from '../faults/controller';

const HTML_ERROR = '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The body text to send (undefined for none), spoiled as the fault says. */
export function bodyText(status: number, body: unknown, fault: BodyFault): string | undefined {
  if (body === undefined || status === 204) return undefined;
  const text = JSON.stringify(body);
  if (fault.malformed === 'truncated') return text.slice(0, Math.floor(text.length / 2));
  if (fault.malformed === 'invalid') return HTML_ERROR;
  return text;
}

/** Write the answer, trickling the body out over `fault.slowMs` when set. */
export async function send(response: ServerResponse, status: number, text: string | undefined, headers: Readonly<Record<string, string>>, fault: BodyFault): Promise<void> {
  if (text === undefined) {
    response.writeHead(status, { ...headers }).end();
    return;
  }
  const bytes = Buffer.from(text, 'utf8');
  response.writeHead(status, { 'Content-Type': 'application/json;charset=UTF-8', 'Content-Length': String(bytes.length), ...headers });
  if (!fault.slowMs) {
    response.end(bytes);
    return;
  }
  const chunks = 10;
  const size = Math.ceil(bytes.length / chunks);
  for (let i = 0; i < chunks; i++) {
    if (response.destroyed) return;
    response.write(bytes.subarray(i * size, (i + 1) * size));
    await sleep(fault.slowMs / chunks);
  }
  response.end();
}
