/**
 * `interrupt-budget preview --project SUP [--json] [--now ISO-TIME]`: what the project's interrupt
 * policy in force decides for its most recent support tickets, and why — through the same use case
 * the settings page's policy preview runs (`previewPolicy`, with no draft: the policy against itself).
 */
import { parseArgs } from 'node:util';
import type { PolicyPreview } from '../contract/settings';
import { previewPolicy } from '../app/settings/preview-policy';
import { projectOption } from './report';
import { openSite, parseNow } from './site';
import { withSite, type CommandIo } from './with-site';

const OUTCOMES = ['interrupt', 'needs-info', 'backlog'] as const;

export function previewText(projectKey: string, preview: PolicyPreview, source: string): string {
  const version = preview.currentVersion === 0 ? 'the default policy' : `policy version ${preview.currentVersion}`;
  const counts = OUTCOMES.map((o) => `${preview.rows.filter((r) => r.current.outcome === o).length} ${o}`).join(', ');
  const rows = preview.rows.flatMap((r) => {
    const rule = r.current.ruleName ? `rule "${r.current.ruleName}"` : 'no rule matched';
    return [`  ${r.key.padEnd(10)} ${r.current.outcome.padEnd(10)} ${rule.padEnd(24)} ${r.summary ?? ''}`.trimEnd(), ...r.reasons.map((why) => `  ${''.padEnd(10)} ${why}`)];
  });
  return [
    `Interrupt Budget — what ${version} decides for the ${preview.rows.length} most recent support tickets of ${projectKey}, from ${source}`,
    `  ${counts}`,
    '',
    ...(rows.length > 0 ? rows : ['  No support tickets found: check the support filter in the settings.']),
    ...(preview.notes.length > 0 ? ['', 'Notes:', ...preview.notes.map((n) => `  - ${n}`)] : []),
    '',
  ].join('\n');
}

export async function runPreview(args: string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({ args, options: { project: { type: 'string' }, json: { type: 'boolean' }, now: { type: 'string' } } });
  const projectKey = projectOption(values.project);
  const nowMs = parseNow(values.now);
  const site = await openSite({ env: io.env ?? process.env, ...(nowMs !== undefined ? { nowMs } : {}) });
  return withSite(site, async () => {
    const preview = await previewPolicy(site.ports, projectKey);
    io.stdout.write(values.json ? `${JSON.stringify(preview, null, 2)}\n` : previewText(projectKey, preview, site.label));
    return 0;
  });
}
