/**
 * `interrupt-budget report --project SUP [--sprint ID] [--json] [--now ISO-TIME]`: the dashboard's
 * numbers for a project, through the same use case the `dashboard.get` resolver runs, on the demo
 * site or on a real one (see site.ts). For a closed sprint it adds the retrospective
 * (`retrospective.get`, issue 14): under `retrospective` in the JSON, as Markdown after the text.
 */
import { parseArgs } from 'node:util';
import { getDashboard } from '../app/dashboard/get-dashboard';
import { getRetrospective } from '../app/retro/get-retrospective';
import { retrospectiveMarkdown } from '../contract/retrospective-text';
import { PROJECT_KEY } from '../app/storage/keys';
import { CliError } from './cli-error';
import { reportText } from './report-text';
import { openSite, parseNow } from './site';
import { withSite, type CommandIo } from './with-site';

export function projectOption(value: string | undefined): string {
  if (!value) throw new CliError('Name the project with --project, e.g. --project SUP.');
  const key = value.toUpperCase();
  if (!PROJECT_KEY.test(key)) throw new CliError(`"${value}" is not a Jira project key; keys look like SUP or TEAM.`);
  return key;
}

function sprintOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9]\d{0,9}$/.test(value)) throw new CliError(`--sprint must be a sprint id (a number), not "${value}".`);
  return Number(value);
}

export async function runReport(args: string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { project: { type: 'string' }, sprint: { type: 'string' }, json: { type: 'boolean' }, now: { type: 'string' } },
  });
  const projectKey = projectOption(values.project);
  const sprintId = sprintOption(values.sprint);
  const nowMs = parseNow(values.now);
  const site = await openSite({ env: io.env ?? process.env, ...(nowMs !== undefined ? { nowMs } : {}) });
  return withSite(site, async () => {
    const view = await getDashboard(site.ports, projectKey, sprintId !== undefined ? { sprintId } : {});
    const retro = view.sprint?.state === 'closed' ? await getRetrospective(site.ports, projectKey, { sprintId: view.sprint.id }) : undefined;
    if (values.json) io.stdout.write(`${JSON.stringify(retro ? { ...view, retrospective: retro } : view, null, 2)}\n`);
    else {
      const name = (id: string): string => retro?.people[id]?.displayName ?? view.people[id]?.displayName ?? 'someone';
      io.stdout.write(reportText(view, site.label) + (retro ? `\n${retrospectiveMarkdown(retro, { name, day: (iso) => iso.slice(0, 10) })}` : ''));
    }
    return 0;
  });
}
