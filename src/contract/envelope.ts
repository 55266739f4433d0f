/**
 * What every resolver answers: `{ ok: true, data }` or `{ ok: false, error }`. Errors never cross the
 * bridge as exceptions; `message` is a plain sentence for the person using the app, and `fields`
 * names the form fields a VALIDATION error is about.
 */
export const ERROR_CODES = ['VALIDATION', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'RATE_LIMITED', 'UNAVAILABLE', 'INTERNAL'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ResolverError {
  readonly code: ErrorCode;
  readonly message: string;
  /** For VALIDATION: field path (dot-separated) → sentence. */
  readonly fields?: Readonly<Record<string, string>>;
}

export type Envelope<T> = { readonly ok: true; readonly data: T } | { readonly ok: false; readonly error: ResolverError };
