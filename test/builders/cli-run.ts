/**
 * The `interrupt-budget` command run in-process: its exit code, standard output and standard error
 * for one argv (and optional standard input), as the CLI tests read them.
 */
import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main';

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

export async function runCli(argv: string[], stdin = ''): Promise<CliRun> {
  const input = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  input.end(stdin);
  const code = await main(argv, { stdin: input, stdout, stderr });
  return { code, out, err };
}
