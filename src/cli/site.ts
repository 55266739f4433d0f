/**
 * The Jira site a CLI command works against: a real Jira Cloud site when JIRA_BASE_URL,
 * JIRA_EMAIL and JIRA_API_TOKEN are set (API-token basic auth, acting as that person), otherwise the
 * bundled demo site — the simulator, started in-process on a free port and stopped afterwards,
 * acting as its product owner. Either way the commands get the same ports the resolvers get, with
 * an in-memory store: a CLI run computes everything fresh and keeps nothing.
 */
import { MemoryStore } from '../app/storage/memory-store';
import { BasicAuthTransport } from '../jira/basic-auth-transport';
import { JiraError } from '../jira/errors';
import { JiraClient } from '../jira/jira-client';
import type { Ports } from '../ports';
import { CliError } from './cli-error';
import type { startSimulator as StartSimulator } from '../../dev/sim';

/** A terminal can wait longer than a resolver; a real site with a long history may need it. */
const CLI_BUDGET_MS = 120_000;

export interface Site {
  readonly ports: Ports;
  readonly accountId: string;
  /** Where the numbers come from, for the first line of human output. */
  readonly label: string;
  close(): Promise<void>;
}

export interface SiteOptions {
  /** The instant to judge at (ms); on the demo site also the instant the site is anchored to. */
  readonly nowMs?: number;
  readonly env: NodeJS.ProcessEnv;
}

function portsOver(baseUrl: string, email: string, apiToken: string, nowMs: number | undefined): Ports {
  // The CLI acts as one person on both sides: what it computes is what that login can see.
  const jira = JiraClient.create({ transport: new BasicAuthTransport({ baseUrl, email, apiToken }), budgetMs: CLI_BUDGET_MS });
  return {
    jira,
    appJira: jira,
    store: new MemoryStore(),
    clock: { now: () => nowMs ?? Date.now() },
  };
}

async function realSite(env: NodeJS.ProcessEnv, nowMs: number | undefined): Promise<Site> {
  const { JIRA_BASE_URL: baseUrl = '', JIRA_EMAIL: email, JIRA_API_TOKEN: token } = env;
  if (!email || !token) throw new CliError('JIRA_BASE_URL is set, so JIRA_EMAIL and JIRA_API_TOKEN must be set too (or unset JIRA_BASE_URL to use the demo site).');
  if (!/^https?:\/\/[^\s/]+/.test(baseUrl)) throw new CliError(`JIRA_BASE_URL must be a site address such as https://your-site.atlassian.net, not "${baseUrl}".`);
  const ports = portsOver(baseUrl, email, token, nowMs);
  try {
    const me = await ports.jira.people.myself();
    return { ports, accountId: me.accountId, label: `${baseUrl} as ${email}`, close: async () => undefined };
  } catch (error) {
    if (error instanceof JiraError) throw new CliError(`Could not sign in to ${baseUrl} as ${email}: ${error.userMessage}`);
    throw error;
  }
}

async function demoSite(nowMs: number | undefined): Promise<Site> {
  // Loaded only when asked for, like the `sim` command: the simulator is a development tool.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startSimulator } = require('../../dev/sim') as { startSimulator: typeof StartSimulator };
  const anchor = nowMs ?? Date.now();
  const sim = await startSimulator({ port: 0, now: anchor });
  const login = sim.users.po;
  const ports = portsOver(sim.url, login.email, login.token, anchor);
  return { ports, accountId: login.accountId, label: `the demo site (simulator at ${new Date(anchor).toISOString()}) as ${login.email}`, close: () => sim.close() };
}

export async function openSite(options: SiteOptions): Promise<Site> {
  return options.env.JIRA_BASE_URL ? realSite(options.env, options.nowMs) : demoSite(options.nowMs);
}

/** `--now` as epoch ms, or undefined when not given. */
export function parseNow(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new CliError(`--now must be an ISO-8601 time such as 2026-11-23T09:00:00Z, not "${text}".`);
  return ms;
}
