/**
 * Hourly scheduled trigger (function timeout 900 s): roll up every active sprint of every project
 * that uses the app into stored snapshots, finalize history for newly closed sprints and take
 * missing baselines, so the dashboard never has to search Jira on view. The work is in
 * app/sprint/hourly-rollup.ts, which takes ports so it is tested against the simulator.
 *
 * Scheduled triggers must answer with a platform-shaped response (`{ statusCode }`), or the platform
 * records the run as failed (HTTP 424). A project that fails does not fail the run; a run that cannot
 * even list the projects answers 500, so the failure shows in the app's logs and metrics.
 */
import { rollUpAll, type RollupReport } from '../app/sprint/hourly-rollup';
import { forgeAppPorts } from '../forge/forge-app-ports';
import type { Ports } from '../ports';

/** The function may run 900 s (manifest `timeoutSeconds`); the margin lets the last writes finish. */
export const SCHEDULED_BUDGET_MS = 850_000;

export interface ScheduledResponse {
  readonly statusCode: number;
}

function logReport(report: RollupReport): void {
  for (const p of report.projects) {
    if (p.problem) console.warn(`Interrupt Budget rollup ${p.projectKey}: ${p.problem}`);
    else console.log(`Interrupt Budget rollup ${p.projectKey}: sprints ${p.activeSprints.join(', ') || 'none active'}; history finalized ${p.historyFinalized.join(', ') || 'none'}; lazy baselines ${p.lazyBaselines.join(', ') || 'none'}.`);
  }
  if (report.skipped.length > 0) console.warn(`Interrupt Budget rollup: out of time, skipped ${report.skipped.join(', ')}.`);
}

export function rollupHandler(portsFor: () => Ports, budgetMs = SCHEDULED_BUDGET_MS): () => Promise<ScheduledResponse> {
  return async () => {
    try {
      const ports = portsFor();
      logReport(await rollUpAll(ports, ports.clock.now() + budgetMs));
      return { statusCode: 204 };
    } catch (error) {
      console.error('Interrupt Budget: the hourly rollup failed', error);
      return { statusCode: 500 };
    }
  };
}

export const rollup = rollupHandler(() => forgeAppPorts(SCHEDULED_BUDGET_MS));
