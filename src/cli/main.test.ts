/**
 * The CLI entry in-process (the end-to-end tests in test/cli.test.ts run it as a child process):
 * stdout, stderr and exit codes for each path through `main`.
 */
import { PassThrough } from 'node:stream';
import { join, resolve } from 'node:path';
import { runCli } from '../../test/builders/cli-run';
import { main } from './main';

const fixtures = resolve(__dirname, '..', '..', 'test', 'fixtures', 'jira');

const run = runCli;

describe('main', () => {
  it('classifies files and exits 0', async () => {
    const { code, out, err } = await run(['classify', '--fields', join(fixtures, 'fields.json'), '--now', '2026-11-23T12:00:00Z', join(fixtures, 'issues.json')]);
    expect([code, err]).toEqual([0, '']);
    expect(out.trim().split('\n').map((l) => (JSON.parse(l) as { outcome: string }).outcome)).toEqual(['backlog', 'interrupt', 'interrupt', 'needs-info', 'backlog']);
  });

  it('reads standard input when no file is given', async () => {
    const { code, out } = await run(['classify', '--now', '2026-11-23T12:00:00Z'], JSON.stringify({ id: '1', key: 'SUP-1', fields: { priority: { name: 'Blocker' } } }));
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ key: 'SUP-1', outcome: 'interrupt', ruleId: 'p1' });
  });

  it('uses the current time when --now is not given', async () => {
    const { code, out } = await run(['classify'], JSON.stringify({ id: '1', key: 'SUP-1' }));
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ outcome: 'needs-info', sla: 'none' });
  });

  it.each([
    [['classify', '--now', 'soon'], 2, /^--now must be an ISO-8601 time/],
    [['classify', '--fields'], 2, /^Option '--fields <value>' argument missing\. Run interrupt-budget --help for usage\.\n$/],
    [['frobnicate'], 2, /^Unknown command "frobnicate"\./],
  ])('%j exits %d with one sentence on stderr', async (argv, expected, message) => {
    const { code, out, err } = await run(argv);
    expect(code).toBe(expected);
    expect(out).toBe('');
    expect(err).toMatch(message);
  });

  it.each([[[]], [['help']], [['-h']]])('%j prints usage', async (argv) => {
    const { code, out } = await run(argv);
    expect(out).toMatch(/^Usage: interrupt-budget <command>/);
    expect(code).toBe(argv.length === 0 ? 2 : 0);
  });

  it('reports an unexpected failure as a sentence, not a stack', async () => {
    const stdin = new PassThrough();
    stdin.destroy(new Error('the pipe broke'));
    const stderr = new PassThrough();
    let err = '';
    stderr.on('data', (c: Buffer) => (err += c.toString()));
    const code = await main(['classify'], { stdin, stdout: new PassThrough(), stderr });
    expect(code).toBe(2);
    expect(err).toBe('Something unexpected went wrong: the pipe broke\n');
  });
});
