/**
 * Error answers in Jira's shape (`ErrorCollection`: `{errorMessages, errors}`), thrown by handlers
 * and turned into the HTTP response by the server.
 */
export interface ErrorCollection {
  errorMessages: string[];
  errors: Record<string, string>;
}

export function errorCollection(messages: readonly string[], errors: Record<string, string> = {}): ErrorCollection {
  return { errorMessages: [...messages], errors };
}

export class JiraHttpError extends Error {
  constructor(readonly status: number, readonly body: ErrorCollection, readonly headers: Record<string, string> = {}) {
    super(body.errorMessages.join(' ') || Object.values(body.errors).join(' '));
    this.name = 'JiraHttpError';
  }
}

export const badRequest = (...messages: string[]): JiraHttpError => new JiraHttpError(400, errorCollection(messages));
export const fieldErrors = (errors: Record<string, string>): JiraHttpError => new JiraHttpError(400, errorCollection([], errors));
export const forbidden = (message: string): JiraHttpError => new JiraHttpError(403, errorCollection([message]));
export const notFound = (message: string): JiraHttpError => new JiraHttpError(404, errorCollection([message]));

export const ISSUE_NOT_FOUND = 'Issue does not exist or you do not have permission to see it.';
export const UNAUTHENTICATED = 'Client must be authenticated to access this resource.';
