/**
 * Running a command against an open site: the site is always closed afterwards (the demo
 * simulator must not keep the process alive), and the app's own errors become one CLI sentence.
 */
import { AppError } from '../app/app-error';
import { JiraError } from '../jira/errors';
import { CliError } from './cli-error';
import type { Site } from './site';

export interface CommandIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  /** Defaults to process.env; tests pass their own. */
  readonly env?: NodeJS.ProcessEnv;
}

export async function withSite<T>(site: Site, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AppError) throw new CliError(error.message);
    if (error instanceof JiraError) throw new CliError(error.userMessage);
    throw error;
  } finally {
    await site.close();
  }
}
