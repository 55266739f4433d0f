/**
 * `interrupt-budget start` (what `npm start` runs after building the UI): the seeded Jira simulator
 * (port `SIM_PORT`, default 8081) or, with JIRA_BASE_URL / JIRA_EMAIL / JIRA_API_TOKEN, a real
 * site; and the preview server (port `PORT`, default 8080). Runs until interrupted.
 */
import { resolve } from 'node:path';
import { startSimulator, type Simulator } from '../sim';
import { BasicAuthTransport } from '../../src/jira/basic-auth-transport';
import { JiraClient } from '../../src/jira/jira-client';
import { MemoryStore } from '../../src/app/storage/memory-store';
import { seedDecisionAudit } from './seed-audit';
import { seedFollowUps } from './seed-follow-ups';
import { startPreview, type Preview, type PreviewLogin } from './server';
import type { PreviewUser } from './surfaces';

export interface StartIo {
  readonly stdout: NodeJS.WritableStream;
  readonly env?: NodeJS.ProcessEnv;
}

export interface Started {
  readonly preview: Preview;
  readonly siteUrl: string;
  /** The seeded simulator, in this process (not when the preview talks to a real site): browser tests set up what the seed lacks on it. */
  readonly sim?: Simulator;
  close(): Promise<void>;
}

const STATIC_DIR = resolve(__dirname, '..', '..', 'static', 'build');

export async function startLocalApp(env: NodeJS.ProcessEnv, ports: { preview?: number; sim?: number } = {}): Promise<Started> {
  const previewPort = ports.preview ?? Number(env.PORT ?? 8080);
  if (env.JIRA_BASE_URL && env.JIRA_EMAIL && env.JIRA_API_TOKEN) {
    const client = JiraClient.create({ transport: new BasicAuthTransport({ baseUrl: env.JIRA_BASE_URL, email: env.JIRA_EMAIL, apiToken: env.JIRA_API_TOKEN }) });
    const me = await client.people.myself();
    const login: PreviewLogin = { email: env.JIRA_EMAIL, apiToken: env.JIRA_API_TOKEN, accountId: me.accountId, displayName: me.displayName ?? env.JIRA_EMAIL };
    const logins: Record<PreviewUser, PreviewLogin> = { admin: login, po: login, dev: login, outsider: login };
    const preview = await startPreview({ port: previewPort, staticDir: STATIC_DIR, jiraBaseUrl: env.JIRA_BASE_URL, logins, appLogin: login, sampleIssues: [], projects: [] });
    return { preview, siteUrl: env.JIRA_BASE_URL, close: () => preview.close() };
  }
  const sim = await startSimulator({ port: ports.sim ?? Number(env.SIM_PORT ?? 8081) });
  const asLogin = (u: PreviewUser | 'app'): PreviewLogin => ({ email: sim.users[u].email, apiToken: sim.users[u].token, accountId: sim.users[u].accountId, displayName: sim.users[u].displayName });
  const logins: Record<PreviewUser, PreviewLogin> = { admin: asLogin('admin'), po: asLogin('po'), dev: asLogin('dev'), outsider: asLogin('outsider') };
  const active = sim.store.sprints.filter((s) => s.state === 'active').map((s) => s.id);
  // The newest current issues of both demo projects (SUP's with a priority or SLA: a full verdict), newest first.
  const recent = (project: string, count: number) =>
    sim.store.issues
      .filter((i) => i.key.startsWith(`${project}-`) && (i.sprintIds.some((id) => active.includes(id)) || i.sprintIds.length === 0) && i.slas.length + (i.priorityId ? 1 : 0) > 0)
      .slice(-count)
      .map((i) => i.key)
      .reverse();
  const sampleIssues = [...recent('SUP', 8), ...recent('TEAM', 4)];
  // The app's audit of the demo's past decisions and the follow-ups of its past interrupts, which a real site's storage would hold (seed-audit.ts, seed-follow-ups.ts).
  const store = new MemoryStore();
  for (const projectKey of ['SUP', 'TEAM']) {
    await seedDecisionAudit(sim, store, projectKey);
    await seedFollowUps(sim, store, projectKey);
  }
  const preview = await startPreview({ port: previewPort, staticDir: STATIC_DIR, jiraBaseUrl: sim.url, logins, appLogin: asLogin('app'), sampleIssues, projects: ['SUP', 'TEAM'], store });
  return {
    preview,
    siteUrl: sim.url,
    sim,
    close: async () => {
      await preview.close();
      await sim.close();
    },
  };
}

export async function runStart(_args: readonly string[], io: StartIo): Promise<number> {
  const env = io.env ?? process.env;
  const started = await startLocalApp(env);
  io.stdout.write(`Interrupt Budget preview: ${started.preview.url}\n  Jira: ${started.siteUrl}${env.JIRA_BASE_URL ? '' : ' (the seeded simulator)'}\n  Press Ctrl+C to stop.\n`);
  await new Promise<void>((resolveStop) => {
    const stop = (): void => resolveStop();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await started.close();
  return 0;
}
