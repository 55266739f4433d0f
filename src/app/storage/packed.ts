/**
 * Packing a large stored value: its JSON compressed with Brotli (Node's own `zlib`) and kept as a
 * base64 string, so KVS holds and bills a fraction of the bytes (Forge bills KVS by the bytes read
 * and written, writes ~20× reads: docs/performance.md). Stored issue data is JSON with the same keys
 * on every ticket and worklog, which packs to about a tenth; what a packed value gives up is being
 * readable in the storage browser, so only the big records are packed (the sprint issue cache's
 * chunks, the rollup).
 *
 * Quality 5 of Brotli's 0–11: the daily full read packs a 5,000-issue sprint (~4.6 MB of JSON) in
 * tens of milliseconds; 11 packs ~25 % smaller but takes seconds, which the first rollup's budget
 * (< 10 s) cannot spare.
 */
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';

const QUALITY = 5;

/** The value's JSON, packed. */
export function pack(value: unknown): string {
  const json = Buffer.from(JSON.stringify(value), 'utf8');
  return brotliCompressSync(json, { params: { [constants.BROTLI_PARAM_QUALITY]: QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: json.length } }).toString('base64');
}

/** The value `pack` packed, or undefined when the text is not a packed value (damaged, truncated). */
export function unpack(text: string): unknown {
  try {
    return JSON.parse(brotliDecompressSync(Buffer.from(text, 'base64')).toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}
