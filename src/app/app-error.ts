/**
 * An error a use case raises on purpose: it maps to an envelope error code and its message is shown
 * to the user as it is, so it must be a plain sentence that says what to do.
 */
import type { ErrorCode } from '../contract/envelope';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Readonly<Record<string, string>>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
