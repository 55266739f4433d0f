/**
 * The composition root for triggers and scheduled jobs, which run with no user: Jira as the app
 * (`asApp`), Forge KVS for storage. Use it only where no user is behind the call — a resolver acting
 * for a user must use forgeUserPorts, so that Jira applies that user's own permissions.
 */
import { JiraClient } from '../jira/jira-client';
import { RESOLVER_BUDGET_MS } from '../jira/jira-http';
import { SYSTEM_CLOCK, type Ports } from '../ports';
import { ForgeTransport } from './forge-transport';
import { KvsStore } from './kvs-store';

export function forgeAppPorts(budgetMs: number = RESOLVER_BUDGET_MS): Ports {
  const jira = JiraClient.create({ transport: new ForgeTransport('app'), budgetMs });
  return {
    jira,
    appJira: jira,
    store: new KvsStore(),
    clock: SYSTEM_CLOCK,
  };
}
