/**
 * `interrupt-budget sim`: start the Jira simulator, say how to use it (URL, logins, two curl
 * commands), and run until SIGINT/SIGTERM, then close cleanly.
 */
import { parseSimArgs, SIM_USAGE } from './cli-options';
import { startSimulator, type Simulator } from './index';

export interface SimIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

const ROLE_NOTES: Record<string, string> = {
  admin: 'Administer Projects and everything else',
  po: 'Browse, Edit, Schedule, Add comments, Assign (assignable)',
  dev: 'Browse only; cannot see the SUP issues with security level "Staff only"',
  outsider: 'no access to either project',
  app: 'the app itself (asApp): every project permission, sees "Staff only" issues',
};

function pointsLine(sim: Simulator): string {
  const { enforce, tier, quota } = sim.points.current();
  return `Tier ${tier}, ${quota.toLocaleString('en-US')} points an hour per pool, ${enforce ? 'enforced (429 when spent)' : 'counted, not enforced'}`;
}

export function describeSimulator(sim: Simulator, seed: number): string {
  const logins = Object.entries(sim.users)
    .map(([role, u]) => `  ${role.padEnd(9)} ${u.email.padEnd(20)} ${u.displayName.padEnd(16)} ${ROLE_NOTES[role] ?? ''}`)
    .join('\n');
  const faults = JSON.stringify(sim.faults.current());
  return `Jira simulator running at ${sim.url} (seed ${seed}, site anchored at ${new Date(sim.store.clock.anchorMs).toISOString()})

Logins (HTTP basic auth; every token is "demo"):
${logins}

Try:
  curl -u po@demo.test:demo -H 'Content-Type: application/json' \\
    -d '{"jql":"project = SUP AND sprint in openSprints() AND labels = support","fields":["summary","status","priority"]}' \\
    ${sim.url}/rest/api/3/search/jql
  curl -u dev@demo.test:demo '${sim.url}/rest/agile/1.0/board/1/sprint?state=active'

Request log: GET ${sim.url}/__sim/requests    Faults: POST/DELETE ${sim.url}/__sim/faults
Faults now: ${faults === '{}' ? 'none' : faults}
Points: GET/DELETE ${sim.url}/__sim/points    ${pointsLine(sim)}
Press Ctrl+C to stop.
`;
}

/** Resolves when the process is told to stop. */
function interrupted(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      resolve(signal);
    };
    const onInt = () => stop('SIGINT');
    const onTerm = () => stop('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
  });
}

/** Run the simulator; `until` replaces waiting for a signal (tests). Returns the exit code. */
export async function runSim(args: readonly string[], io: SimIo, until: () => Promise<unknown> = interrupted): Promise<number> {
  const { options, help } = parseSimArgs(args);
  if (help) {
    io.stdout.write(SIM_USAGE);
    return 0;
  }
  const sim = await startSimulator(options);
  io.stdout.write(describeSimulator(sim, options.seed ?? 1));
  await until();
  await sim.close();
  io.stdout.write('Jira simulator stopped.\n');
  return 0;
}
