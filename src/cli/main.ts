/**
 * The `interrupt-budget` command. Every failure a user can cause ends as one sentence on stderr and a
 * non-zero exit code, never a stack trace.
 */
import { parseArgs } from 'node:util';
import { classify } from './classify';
import { CliError } from './cli-error';
import { runPreview } from './preview';
import { readStream, readText, type NamedText } from './read-json';
import { runReport } from './report';
import type { runSim as RunSim } from '../../dev/sim/cli';
import type { runStart as RunStart } from '../../dev/preview/start';

export interface Io {
  readonly stdin: NodeJS.ReadableStream;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  /** Environment for commands that read it (report, preview); defaults to process.env. */
  readonly env?: NodeJS.ProcessEnv;
}

const USAGE = `Usage: interrupt-budget <command>

Commands:
  classify [--settings FILE] [--fields FILE] [--priorities FILE] [--severity-field ID] [--policy FILE]
           [--now ISO-TIME] [--unwrap] [FILE... | -]
      Apply the interrupt policy to Jira issue JSON (an issue, an array of issues, or a search
      response) and print one JSON line per issue. --settings is a project's settings as the
      settings page exports them (value maps, support filter, Severity field and policy), so the
      verdicts are the app's; --fields is the site's GET /rest/api/3/field list (to find Severity,
      SLA and story-point fields); --priorities the site's priorities highest first (the create
      screen's priority allowedValues, or a JSON array of names): while the value maps are the
      built-in ones, their order decides each priority's level; --severity-field names the
      Severity field by id where the site calls it something else; --policy a policy JSON file
      (default: the settings' policy, else the built-in default policy); --now the instant SLA
      clocks are judged at (default: now); --unwrap classifies the issue a webhook or Forge event
      carries (under .issue). Every guess is said on a "Note:" line on stderr.
      With no FILE, or with -, reads standard input.
  report --project KEY [--sprint ID] [--json] [--now ISO-TIME]
      The project dashboard's numbers: the active sprint's (or sprint ID's) support budget, used,
      forecast and status, its interrupts, untriaged and deferred tickets, WIP and defects; the
      last closed sprints and the recommended allocation. Runs on the built-in demo site (the
      simulator, anchored at --now) unless JIRA_BASE_URL, JIRA_EMAIL and JIRA_API_TOKEN are set.
  preview --project KEY [--json] [--now ISO-TIME]
      What the project's interrupt policy decides for its 50 most recent support tickets, and why.
      Same sites as report.
  sim [--port N] [--seed N] [--now ISO-TIME] [--latency MS] [--jitter MS] [--rate-limit-every N] ...
      Run the local Jira simulator (a seeded demo site with users, sprints, support tickets, SLAs
      and worklogs, speaking Jira Cloud's REST API) until Ctrl+C. Default port 8081. It prints the
      URL, the four logins and example curl commands; interrupt-budget sim --help lists the fault options.
`;

async function runClassify(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      fields: { type: 'string' },
      policy: { type: 'string' },
      settings: { type: 'string' },
      priorities: { type: 'string' },
      now: { type: 'string' },
      unwrap: { type: 'boolean' },
      'severity-field': { type: 'string' },
    },
  });
  const nowMs = values.now === undefined ? Date.now() : Date.parse(values.now);
  if (Number.isNaN(nowMs)) throw new CliError(`--now must be an ISO-8601 time such as 2026-11-23T09:00:00Z, not "${values.now}".`);
  const sources = positionals.length === 0 ? ['-'] : positionals;
  if (sources.filter((s) => s === '-').length > 1) throw new CliError('Standard input (-) can be given only once.');
  const issueFiles: NamedText[] = [];
  for (const source of sources) issueFiles.push(source === '-' ? await readStream(io.stdin) : await readText(source));
  const result = classify({
    issueFiles,
    nowMs,
    unwrap: values.unwrap === true,
    ...(values['severity-field'] ? { severityFieldId: values['severity-field'] } : {}),
    ...(values.fields ? { fieldsFile: await readText(values.fields) } : {}),
    ...(values.policy ? { policyFile: await readText(values.policy) } : {}),
    ...(values.settings ? { settingsFile: await readText(values.settings) } : {}),
    ...(values.priorities ? { prioritiesFile: await readText(values.priorities) } : {}),
  });
  for (const line of result.lines) io.stdout.write(`${line}\n`);
  for (const warning of result.warnings) io.stderr.write(`Note: ${warning}\n`);
  for (const problem of result.problems) io.stderr.write(`${problem}\n`);
  return result.problems.length === 0 ? 0 : 1;
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'classify':
        return await runClassify(rest, io);
      case 'report':
        return await runReport(rest, io);
      case 'preview':
        return await runPreview(rest, io);
      case 'sim': {
        // Loaded only when asked for: the simulator is a development tool, never deployed. require(),
        // not import(): bin/ runs the sources through tsx's CommonJS hook, and a dynamic import() would
        // bypass it for Node's ESM loader, which cannot load TypeScript.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { runSim } = require('../../dev/sim/cli') as { runSim: typeof RunSim };
        return await runSim(rest, io);
      }
      case 'start': {
        // The local preview lives in dev/ (never deployed), loaded only when asked for; see the 'sim' case.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { runStart } = require('../../dev/preview/start') as { runStart: typeof RunStart };
        return await runStart(rest, io);
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout.write(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new CliError(`Unknown command "${command}". Run interrupt-budget --help to see the commands.`);
    }
  } catch (error) {
    io.stderr.write(`${sentenceFor(error)}\n`);
    return 2;
  }
}

/** One sentence for any failure. (parseArgs errors are recognised by code: instanceof fails across realms.) */
function sentenceFor(error: unknown): string {
  if (error instanceof CliError) return error.message;
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  const text = typeof message === 'string' ? message : String(error);
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
    return `${text.replace(/\. To specify a positional argument.*$/s, '').replace(/\.$/, '')}. Run interrupt-budget --help for usage.`;
  }
  return `Something unexpected went wrong: ${text}`;
}
