/**
 * Jira's word, as the user, that they may browse a project: what a view asks before it reads anything
 * stored about the project (the shared numbers are computed as the app; only Jira may say who sees
 * them). One permission asked, so it costs 3 points (1 + 2 for the permission: Jira counts
 * permissions as identity objects), where reading the board as the user cost the board and then
 * every sprint of it (issue 13, item 4).
 */
import { JiraError } from '../../jira/errors';
import type { Ports } from '../../ports';
import { AppError } from '../app-error';

const BROWSE = 'BROWSE_PROJECTS';

/**
 * Throws NOT_FOUND unless Jira says the user may browse the project. Jira answers for a project the
 * user cannot see, or that does not exist, with the permission not held or with 404: the sentence
 * covers both. Skipped for the app itself (triggers and scheduled jobs: `jira` is `appJira`).
 */
export async function proveProjectAccess(ports: Ports, projectKey: string, notVisible = `Project ${projectKey} is not visible to you, or does not exist. Ask a Jira admin for access to the project.`): Promise<void> {
  if (ports.jira === ports.appJira) return;
  let granted: Record<string, boolean>;
  try {
    granted = await ports.jira.people.myPermissions({ projectKey }, [BROWSE]);
  } catch (error) {
    if (error instanceof JiraError && error.kind === 'NotFound') throw new AppError('NOT_FOUND', notVisible);
    throw error;
  }
  if (granted[BROWSE] !== true) throw new AppError('NOT_FOUND', notVisible);
}
