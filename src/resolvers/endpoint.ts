/**
 * One resolver key: validate the payload with the contract's schema, read the trusted context, run
 * the use case with this invocation's ports, and answer with an envelope. Every failure becomes an
 * envelope error with a plain sentence; unexpected ones are logged, never shown raw — except the
 * platform's signals (Forge asking the user for consent), which are rethrown as they came, because
 * Forge shows its "Allow access" prompt only for an error that leaves the resolver unhandled.
 */
import type Resolver from '@forge/resolver';
import type { z } from 'zod';
import { AppError } from '../app/app-error';
import type { Envelope, ResolverError } from '../contract/envelope';
import { JiraError } from '../jira/errors';
import { isPlatformSignal } from '../jira/transport';
import type { Ports, PortsFactory } from '../ports';
import { callContext, type CallContext } from './call-context';

type Request = { payload?: unknown; context?: Record<string, unknown> };

/** Turn the first problems of a zod error into field → sentence, and a summary sentence. */
export function validationError(error: z.ZodError, what = 'The request'): ResolverError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues.slice(0, 20)) {
    const path = issue.path.map(String).join('.');
    fields[path || '_'] ??= issue.message;
  }
  const first = error.issues[0];
  const where = first && first.path.length > 0 ? ` (${first.path.map(String).join('.')})` : '';
  return { code: 'VALIDATION', message: `${what} is not valid${where}: ${first?.message ?? 'check the values'}.`, fields };
}

const JIRA_CODES: Record<JiraError['kind'], ResolverError['code']> = {
  NotFound: 'NOT_FOUND',
  Forbidden: 'FORBIDDEN',
  BadRequest: 'VALIDATION',
  RateLimited: 'RATE_LIMITED',
  Unavailable: 'UNAVAILABLE',
  BadResponse: 'UNAVAILABLE',
};

export function toResolverError(error: unknown): ResolverError {
  if (error instanceof AppError) return { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) };
  if (error instanceof JiraError) return { code: JIRA_CODES[error.kind], message: error.userMessage };
  console.error('Interrupt Budget: unexpected error', error);
  return { code: 'INTERNAL', message: 'Something went wrong in Interrupt Budget. Try again; if it keeps happening, tell your Jira admin.' };
}

export function defineEndpoint<S extends z.ZodType, T>(
  resolver: Resolver,
  key: string,
  schema: S,
  portsFor: PortsFactory,
  run: (payload: z.output<S>, ctx: CallContext, ports: Ports) => Promise<T>,
): void {
  resolver.define(key, async (request: Request): Promise<Envelope<T>> => {
    try {
      const ctx = callContext(request.context);
      const parsed = schema.safeParse(request.payload ?? {});
      if (!parsed.success) return { ok: false, error: validationError(parsed.error) };
      return { ok: true, data: await run(parsed.data, ctx, portsFor(ctx)) };
    } catch (error) {
      if (isPlatformSignal(error)) throw error;
      return { ok: false, error: toResolverError(error) };
    }
  });
}
