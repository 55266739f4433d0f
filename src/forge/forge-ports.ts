/**
 * The production composition root for resolvers: Jira as the current user (so Jira enforces their
 * own permissions) with the resolver time budget, Jira as the app for the shared ledger (computed
 * only after the user's access is proven, shown only through the viewer filter), and Forge KVS.
 */
import { JiraClient } from '../jira/jira-client';
import { RESOLVER_BUDGET_MS } from '../jira/jira-http';
import { SYSTEM_CLOCK, type PortsFactory } from '../ports';
import { ForgeTransport } from './forge-transport';
import { KvsStore } from './kvs-store';

export const forgeUserPorts: PortsFactory = () => ({
  jira: JiraClient.create({ transport: new ForgeTransport('user'), budgetMs: RESOLVER_BUDGET_MS }),
  appJira: JiraClient.create({ transport: new ForgeTransport('app'), budgetMs: RESOLVER_BUDGET_MS }),
  store: new KvsStore(),
  clock: SYSTEM_CLOCK,
});
