/**
 * Reading the CLI's inputs: files or standard input, each parsed as JSON, with failures turned into
 * one sentence that names the file and what to do.
 */
import { readFile } from 'node:fs/promises';
import { CliError } from './cli-error';

export interface NamedText {
  readonly name: string;
  readonly text: string;
}

export async function readText(path: string): Promise<NamedText> {
  try {
    return { name: path, text: await readFile(path, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'it does not exist' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission was denied' : 'it could not be read';
    throw new CliError(`Cannot read ${path}: ${why}.`);
  }
}

export async function readStream(stream: NodeJS.ReadableStream, name = 'standard input'): Promise<NamedText> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return { name, text: Buffer.concat(chunks).toString('utf8') };
}

export function parseJson(input: NamedText): unknown {
  if (input.text.trim() === '') throw new CliError(`${input.name} is empty; expected JSON.`);
  try {
    return JSON.parse(input.text) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message.replace(/^.*?JSON[^:]*: /, '') : 'invalid JSON';
    throw new CliError(`${input.name} is not valid JSON (${detail}).`);
  }
}
