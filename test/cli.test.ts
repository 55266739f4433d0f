/**
 * `interrupt-budget classify`, end to end: the real command in a child process, on Jira JSON shaped
 * like real exports (test/fixtures/jira), checking stdout, stderr and the exit code.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { DEFAULT_POLICY } from '../src/domain/policy';

const run = promisify(execFile);
const root = resolve(__dirname, '..');
const fixtures = join(root, 'test', 'fixtures', 'jira');
const NOW = '2026-11-23T12:00:00Z';

interface Result {
  stdout: string;
  stderr: string;
  code: number;
}

async function cli(args: string[], stdin?: string): Promise<Result> {
  const child = run(process.execPath, [join(root, 'bin', 'interrupt-budget.cjs'), ...args], { cwd: root });
  if (stdin !== undefined) {
    child.child.stdin?.end(stdin);
  } else {
    child.child.stdin?.end();
  }
  try {
    const { stdout, stderr } = await child;
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

const lines = (stdout: string): Array<Record<string, unknown>> =>
  stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

const tmp = mkdtempSync(join(tmpdir(), 'ib-cli-'));
const write = (name: string, text: string): string => {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
};

describe('interrupt-budget classify', () => {
  it('classifies an array of issues with the default policy, one JSON line each, in input order', async () => {
    const result = await cli(['classify', '--fields', join(fixtures, 'fields.json'), '--now', NOW, join(fixtures, 'issues.json')]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(lines(result.stdout)).toEqual([
      { key: 'SUP-231', outcome: 'backlog', ruleId: null, priority: 'P2', severity: 'S2', sla: 'ok', reasons: [expect.stringMatching(/^No rule matched/)] },
      { key: 'SUP-232', outcome: 'interrupt', ruleId: 'p1', priority: 'P1', severity: 'S1', sla: 'none', reasons: ['Priority is P1.'] },
      { key: 'SUP-233', outcome: 'interrupt', ruleId: 'sla', priority: 'P3', severity: 'unknown', sla: 'breached', reasons: ['SLA "First Reply Time" is breached.'] },
      {
        key: 'SUP-234',
        outcome: 'needs-info',
        ruleId: 'unclassified',
        priority: 'unknown',
        severity: 'unknown',
        sla: 'none',
        reasons: ['Priority is not set or not recognised.', 'Severity is not set or not recognised.'],
      },
      { key: 'SUP-235', outcome: 'backlog', ruleId: null, priority: 'P4', severity: 'S3', sla: 'paused', reasons: [expect.any(String)] },
    ]);
  });

  it('judges SLA clocks at --now: the same ticket is at risk the next afternoon', async () => {
    const result = await cli(['classify', '--fields', join(fixtures, 'fields.json'), '--now', '2026-11-24T14:00:00Z', join(fixtures, 'issues.json')]);
    expect(lines(result.stdout)[0]).toMatchObject({ key: 'SUP-231', outcome: 'interrupt', ruleId: 'sla', sla: 'at-risk' });
  });

  it('without --fields, Severity and SLAs are unknown, so the policy can only read priority', async () => {
    const result = await cli(['classify', '--now', NOW, join(fixtures, 'issues.json')]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('Note: No --fields given, so Severity, SLA and story-point fields are unknown: pass the GET /rest/api/3/field list with --fields.\n');
    expect(lines(result.stdout).map((l) => [l.key, l.outcome, l.severity])).toEqual([
      ['SUP-231', 'backlog', 'unknown'],
      ['SUP-232', 'interrupt', 'unknown'],
      ['SUP-233', 'backlog', 'unknown'],
      ['SUP-234', 'needs-info', 'unknown'],
      ['SUP-235', 'backlog', 'unknown'],
    ]);
  });

  it('reads a single issue, a search response and standard input', async () => {
    const issues = JSON.parse(readFileSync(join(fixtures, 'issues.json'), 'utf8')) as unknown[];
    const single = write('single.json', JSON.stringify(issues[1]));
    const page = write('page.json', JSON.stringify({ issues: issues.slice(2, 4), isLast: true }));
    const result = await cli(['classify', '--now', NOW, single, '-', page], JSON.stringify(issues[0]));
    expect(result.code).toBe(0);
    expect(lines(result.stdout).map((l) => l.key)).toEqual(['SUP-232', 'SUP-231', 'SUP-233', 'SUP-234']);
  });

  it('applies a policy file', async () => {
    const policy = write(
      'policy.json',
      JSON.stringify({ rules: [{ id: 'payments', name: 'Payments', conditions: [{ kind: 'components-any', components: ['payments'] }], outcome: 'interrupt' }, ...DEFAULT_POLICY.rules], defaultOutcome: 'backlog' }),
    );
    const result = await cli(['classify', '--policy', policy, '--fields', join(fixtures, 'fields.json'), '--now', NOW, join(fixtures, 'issues.json')]);
    expect(lines(result.stdout)[0]).toEqual(expect.objectContaining({ key: 'SUP-231', outcome: 'interrupt', ruleId: 'payments', reasons: ['In component Payments.'] }));
  });

  it.each<[string, () => string[], string | undefined, RegExp]>([
    ['a file that does not exist', () => ['classify', join(tmp, 'missing.json')], undefined, /^Cannot read .*missing\.json: it does not exist\.\n$/],
    ['a folder', () => ['classify', tmp], undefined, /^Cannot read .*: it is a folder\.\n$/],
    ['bad JSON on stdin', () => ['classify', '-'], '{"key": ', /^standard input is not valid JSON \(.*\)\.\n$/],
    ['empty stdin', () => ['classify'], '', /^standard input is empty; expected JSON\.\n$/],
    ['an invalid policy', () => ['classify', '--policy', write('bad-policy.json', '{"rules": [], "defaultOutcome": "later"}'), join(fixtures, 'issues.json')], undefined, /^.*bad-policy\.json is not a valid policy\. The policy's defaultOutcome: must be one of interrupt, backlog, needs-info\.\n$/],
    ['a field list that is not a list', () => ['classify', '--fields', write('fields-object.json', '{"id": "x"}'), join(fixtures, 'issues.json')], undefined, /is not a field list: export it from GET \/rest\/api\/3\/field \(a JSON array\)\.\n$/],
    ['a bad --now', () => ['classify', '--now', 'tomorrow', join(fixtures, 'issues.json')], undefined, /^--now must be an ISO-8601 time such as .*, not "tomorrow"\.\n$/],
    ['an unknown option', () => ['classify', '--colour', 'red'], undefined, /^Unknown option '--colour'\. Run interrupt-budget --help for usage\.\n$/],
    ['stdin twice', () => ['classify', '-', '-'], '[]', /^Standard input \(-\) can be given only once\.\n$/],
    ['an unknown command', () => ['classiffy'], undefined, /^Unknown command "classiffy"\. Run interrupt-budget --help to see the commands\.\n$/],
  ])('fails on %s with one sentence on stderr, no stack trace', async (_label, args, stdin, message) => {
    const result = await cli(args(), stdin);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('still prints the issues it could read when an entry is not an issue, and exits 1', async () => {
    const mixed = write('mixed.json', JSON.stringify([{ id: '1', key: 'SUP-1', fields: { priority: { name: 'Highest' } } }, { hello: 'world' }]));
    const result = await cli(['classify', '--now', NOW, mixed]);
    expect(result.code).toBe(1);
    expect(lines(result.stdout).map((l) => l.key)).toEqual(['SUP-1']);
    expect(result.stderr).toMatch(/mixed\.json, entry 2: The value is not a Jira issue: it has no id and no key\.\n$/);
  });

  it('says a webhook is one and classifies its issue with --unwrap (issue 16, item 5)', async () => {
    const hook = write('hook.json', JSON.stringify({ timestamp: 1, webhookEvent: 'jira:issue_updated', issue: { id: '1', key: 'SUP-1', fields: { priority: { name: 'Highest' } } } }));
    const refused = await cli(['classify', '--now', NOW, hook]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/hook\.json: This is a Jira webhook \(jira:issue_updated\): its issue is under \.issue — pass that, or use --unwrap\.\n$/);
    const unwrapped = await cli(['classify', '--unwrap', '--now', NOW, hook]);
    expect(unwrapped.code).toBe(0);
    expect(lines(unwrapped.stdout).map((l) => l.key)).toEqual(['SUP-1']);
  });

  it('notes odd fields on stderr, names the issue, and still classifies it (exit 0)', async () => {
    const odd = write('odd.json', JSON.stringify({ id: '9', key: 'SUP-9', fields: { issuetype: { name: 'Bug' }, priority: 7, customfield_10081: { id: '1' } } }));
    const result = await cli(['classify', '--fields', join(fixtures, 'fields.json'), '--now', NOW, odd]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      'Note: SUP-9: Severity (customfield_10081) has an unexpected shape and was treated as not set.\n' +
        'Note: SUP-9: Priority (priority) has an unexpected shape and was treated as not set.\n',
    );
    expect(lines(result.stdout)).toEqual([expect.objectContaining({ key: 'SUP-9', outcome: 'needs-info', priority: 'unknown', severity: 'unknown' })]);
  });

  it('says once when the field list has no Severity field', async () => {
    const noSeverity = write('fields-no-severity.json', JSON.stringify([{ id: 'summary', name: 'Summary' }]));
    const result = await cli(['classify', '--fields', noSeverity, '--now', NOW, join(fixtures, 'issues.json')]);
    expect(result.stderr).toMatch(/^Note: .*fields-no-severity\.json has no field named Severity, nor one field with options whose name contains it, so severity is unknown for every issue: name it with --severity-field ID\.\n$/);
  });

  describe('a site whose severity field is called something else (issue 16, item 1)', () => {
    const radio = (id: string, name: string) => ({ id, name, custom: true, schema: { type: 'option', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:radiobuttons', customId: 1 } });
    const ticket = (field: string) => ({ id: '20001', key: 'OPS-1', fields: { issuetype: { name: 'Bug' }, priority: { name: 'Medium' }, [field]: { self: 'x', value: 'S1', id: '10400' } } });

    it('reads "Bug Severity" when it is the one option field that mentions severity, and says so', async () => {
      const list = write('fields-bug-severity.json', JSON.stringify([{ id: 'summary', name: 'Summary' }, radio('customfield_30001', 'Bug Severity')]));
      const issue = write('bug-severity-issue.json', JSON.stringify(ticket('customfield_30001')));
      const result = await cli(['classify', '--fields', list, '--now', NOW, issue]);
      expect(result.code).toBe(0);
      expect(lines(result.stdout)).toEqual([expect.objectContaining({ key: 'OPS-1', severity: 'S1', outcome: 'interrupt' })]);
      expect(result.stderr).toBe('Note: Severity is read from Bug Severity (customfield_30001): the one field with options whose name contains "severity". Choose another in the settings if that is wrong.\n');
    });

    it('takes --severity-field when two fields qualify, and refuses an id the list does not have', async () => {
      const list = write('fields-two-severities.json', JSON.stringify([radio('customfield_30001', 'Bug Severity'), radio('customfield_30002', 'Customer severity')]));
      const issue = write('two-severities-issue.json', JSON.stringify(ticket('customfield_30002')));
      const guessed = await cli(['classify', '--fields', list, '--now', NOW, issue]);
      expect(lines(guessed.stdout)).toEqual([expect.objectContaining({ severity: 'unknown' })]);
      expect(guessed.stderr).toContain('2 fields with options have "severity" in their name — Bug Severity (customfield_30001), Customer severity (customfield_30002) — so none was used');
      const chosen = await cli(['classify', '--fields', list, '--severity-field', 'customfield_30002', '--now', NOW, issue]);
      expect(chosen.code).toBe(0);
      expect(chosen.stderr).toBe('');
      expect(lines(chosen.stdout)).toEqual([expect.objectContaining({ severity: 'S1', outcome: 'interrupt' })]);
      const wrong = await cli(['classify', '--fields', list, '--severity-field', 'customfield_9', '--now', NOW, issue]);
      expect(wrong.code).toBe(2);
      expect(wrong.stderr).toBe(`${list} has no field customfield_9: pass the id of the Severity field as the field list names it (for example customfield_10081).\n`);
    });
  });

  it('prints usage with --help', async () => {
    const result = await cli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: interrupt-budget <command>/);
  });

  it('runs as `npx interrupt-budget` from the repository', async () => {
    const { stdout } = await run('npx', ['--no-install', 'interrupt-budget', 'classify', '--now', NOW, join(fixtures, 'issues.json')], { cwd: root });
    expect(lines(stdout)).toHaveLength(5);
  });
});
