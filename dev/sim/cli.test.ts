/** `interrupt-budget sim`: flags, what it prints, and a clean stop. */
import { PassThrough } from 'node:stream';
import { CliError } from '../../src/cli/cli-error';
import { main } from '../../src/cli/main';
import { runSim } from './cli';
import { parseSimArgs } from './cli-options';

function capture(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { stream, text: () => text };
}

describe('interrupt-budget sim', () => {
  it('prints the URL, the five logins and example curl commands, then stops cleanly', async () => {
    const out = capture();
    let url = '';
    const code = await runSim(['--port', '0', '--now', '2026-11-23T09:00:00Z'], { stdout: out.stream, stderr: out.stream }, async () => {
      url = out.text().match(/running at (http:\/\/\S+)/)?.[1] ?? '';
      const response = await fetch(`${url}/rest/api/3/myself`, { headers: { Authorization: `Basic ${Buffer.from('dev@demo.test:demo').toString('base64')}` } });
      expect(response.status).toBe(200);
    });
    expect(code).toBe(0);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    for (const email of ['admin@demo.test', 'po@demo.test', 'dev@demo.test', 'outsider@demo.test', 'app@demo.test']) expect(out.text()).toContain(email);
    expect(out.text().match(/curl -u/g)).toHaveLength(2);
    expect(out.text()).toContain('Jira simulator stopped.');
  });

  it('turns fault flags into a fault configuration', () => {
    const { options } = parseSimArgs(['--latency', '50', '--jitter', '10', '--rate-limit-every', '5', '--rate-limit-headers', 'reset', '--burst', '10/5', '--unavailable-every', '7', '--search-lag', '100']);
    expect(options.port).toBe(8081);
    expect(options.faults).toEqual({
      latency: { fixedMs: 50, jitterMs: 10 },
      rateLimit: { every: 5, headers: 'reset' },
      burst: { capacity: 10, refillPerSecond: 5 },
      unavailable: { every: 7 },
      searchLagMs: 100,
    });
  });

  it('turns points flags into an enforced quota; without them points are only counted', () => {
    expect(parseSimArgs(['--points-quota', '500', '--points-tier', '2']).options.points).toEqual({ enforce: true, quota: 500, tier: 2 });
    expect(parseSimArgs(['--points-edition', 'premium']).options.points).toEqual({ enforce: true, edition: 'premium' });
    expect(parseSimArgs([]).options.points).toBeUndefined();
  });

  it.each([['--points-tier', '3'], ['--points-quota', '0'], ['--points-edition', 'gold'], ['--port', 'abc'], ['--burst', 'lots'], ['--now', 'yesterday'], ['--rate-limit-every', '3', '--rate-limit-headers', 'sometimes']])('refuses %s %s with one sentence', (...args) => {
    expect(() => parseSimArgs(args)).toThrow(CliError);
  });

  it('is reachable from the main command, which explains bad flags', async () => {
    const err = capture();
    const out = capture();
    const code = await main(['sim', '--port', 'x'], { stdin: new PassThrough(), stdout: out.stream, stderr: err.stream });
    expect(code).toBe(2);
    expect(err.text()).toContain('--port must be');
    expect(await main(['sim', '--help'], { stdin: new PassThrough(), stdout: out.stream, stderr: err.stream })).toBe(0);
    expect(out.text()).toContain('Usage: interrupt-budget sim');
  });
});
