/**
 * Ports for tests that act as one Jira login on both sides: the user's calls and the app's
 * (`appJira`) go through the same client, so a test of a use case against one login sees exactly
 * what that login can see. Tests of who-sees-what use the resolver harness, which keeps the two apart.
 */
import type { JiraPort } from '../../src/ports';

export const oneIdentity = <J extends JiraPort>(jira: J): { jira: J; appJira: J } => ({ jira, appJira: jira });
