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
import { logTrigger } from './trigger-log';

/** The function may run 900 s (manifest `timeoutSeconds`); the margin lets the last writes finish. */
export const SCHEDULED_BUDGET_MS = 850_000;

export interface ScheduledResponse {
  readonly statusCode: number;
}

/** One summary line per run (trigger-log.ts): what was rolled up, what failed and why, what was skipped. */
function logReport(report: RollupReport, ms: number): void {
  const failed = report.projects.filter((p) => p.problem);
  logTrigger(failed.length > 0 || report.skipped.length > 0 ? 'warn' : 'info', {
    trigger: 'hourly-rollup',
    outcome: report.stoppedBy === 'quota' ? "stopped: Jira's hourly quota for apps is spent" : failed.length > 0 ? 'partly failed' : report.skipped.length > 0 ? 'out of time' : 'done',
    projects: report.projects.length,
    activeSprints: report.projects.reduce((n, p) => n + p.activeSprints.length, 0),
    historyFinalized: report.projects.reduce((n, p) => n + p.historyFinalized.length, 0),
    lazyBaselines: report.projects.reduce((n, p) => n + p.lazyBaselines.length, 0),
    failed: failed.map((p) => ({ project: p.projectKey, why: p.problem })),
    skipped: report.skipped,
    journalPruned: report.journalPruned ?? 0,
    ms,
  });
}

export function rollupHandler(portsFor: () => Ports, budgetMs = SCHEDULED_BUDGET_MS): () => Promise<ScheduledResponse> {
  return async () => {
    try {
      const ports = portsFor();
      const started = ports.clock.now();
      const report = await rollUpAll(ports, started + budgetMs);
      logReport(report, ports.clock.now() - started);
      return { statusCode: 204 };
    } catch (error) {
      console.error('Interrupt Budget: the hourly rollup failed', error);
      return { statusCode: 500 };
    }
  };
}

export const rollup = rollupHandler(() => forgeAppPorts(SCHEDULED_BUDGET_MS));
