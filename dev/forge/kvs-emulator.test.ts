/**
 * The KVS emulator at the HTTP level: the bodies and error shapes `@forge/kvs` expects, and the
 * platform's limits. (src/forge/kvs-store.test.ts drives it through the real package.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KVS_LIMITS, KvsEmulator } from './kvs-emulator';

const post = async (kvs: KvsEmulator, path: string, body: unknown): Promise<{ status: number; body: unknown }> => {
  const response = await kvs.fetch(path, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
};

describe('KvsEmulator', () => {
  it('sets, gets with metadata, and deletes', async () => {
    let now = 1000;
    const kvs = new KvsEmulator({ now: () => now });
    expect(await post(kvs, '/api/v1/set', { key: 'settings:SUP', value: { a: 1 } })).toEqual({ status: 204, body: undefined });
    now = 2000;
    await post(kvs, '/api/v1/set', { key: 'settings:SUP', value: { a: 2 } });
    expect(await post(kvs, '/api/v1/get', { key: 'settings:SUP' })).toEqual({ status: 200, body: { key: 'settings:SUP', value: { a: 2 }, createdAt: 1000, updatedAt: 2000 } });
    expect(await post(kvs, '/api/v1/delete', { key: 'settings:SUP' })).toEqual({ status: 204, body: undefined });
    expect(kvs.keys()).toEqual([]);
  });

  it('answers KEY_NOT_FOUND (404) for a missing key, as the service does', async () => {
    const kvs = new KvsEmulator();
    expect(await post(kvs, '/api/v1/get', { key: 'nope' })).toEqual({ status: 404, body: { code: 'KEY_NOT_FOUND', message: 'Provided key does not exist' } });
    expect((await post(kvs, '/api/v1/delete', { key: 'nope' })).status).toBe(404);
  });

  it.each([
    ['', 'KEY_TOO_SHORT'],
    ['   ', 'INVALID_KEY'],
    ['settings/SUP', 'INVALID_KEY'],
    ['key?x', 'INVALID_KEY'],
    ['k'.repeat(KVS_LIMITS.keyLength + 1), 'KEY_TOO_LONG'],
  ])('refuses the key %j with %s', async (key, code) => {
    expect(await post(new KvsEmulator(), '/api/v1/set', { key, value: 1 })).toMatchObject({ status: 400, body: { code } });
  });

  it('accepts every character KVS allows', async () => {
    const kvs = new KvsEmulator();
    expect((await post(kvs, '/api/v1/set', { key: 'admin-check:SUP:712020:a b_c.d#e', value: true })).status).toBe(204);
  });

  it('refuses values over 240 KiB and deeper than 31 levels, and keeps the old value', async () => {
    const kvs = new KvsEmulator();
    await post(kvs, '/api/v1/set', { key: 'big', value: 'small' });
    const overhead = JSON.stringify('').length;
    expect((await post(kvs, '/api/v1/set', { key: 'big', value: 'x'.repeat(KVS_LIMITS.valueBytes - overhead) })).status).toBe(204);
    expect(await post(kvs, '/api/v1/set', { key: 'big', value: 'x'.repeat(KVS_LIMITS.valueBytes - overhead + 1) })).toMatchObject({ status: 400, body: { code: 'MAX_SIZE' } });
    let deep: unknown = 1;
    for (let i = 0; i < KVS_LIMITS.depth + 1; i++) deep = { d: deep };
    expect(await post(kvs, '/api/v1/set', { key: 'big', value: deep })).toMatchObject({ status: 400, body: { code: 'MAX_DEPTH' } });
    expect(kvs.peek('big')).toHaveLength(KVS_LIMITS.valueBytes - overhead);
  });

  it('pages a prefix query in key order with opaque cursors; a full page always carries one', async () => {
    const kvs = new KvsEmulator();
    for (const key of ['a:3', 'a:1', 'b:1', 'a:2']) await post(kvs, '/api/v1/set', { key, value: key });
    const where = [{ property: 'key', condition: 'BEGINS_WITH', values: ['a:'] }];
    const first = (await post(kvs, '/api/v1/query', { where, limit: 2 })).body as { data: Array<{ key: string }>; cursor: string };
    expect(first.data.map((d) => d.key)).toEqual(['a:1', 'a:2']);
    expect(first.cursor).not.toContain('a:2');
    const second = (await post(kvs, '/api/v1/query', { where, limit: 2, after: first.cursor })).body as { data: Array<{ key: string; value: unknown }>; cursor?: string };
    expect(second.data).toEqual([{ key: 'a:3', value: 'a:3' }]);
    expect(second.cursor).toBeUndefined();
    const exact = (await post(kvs, '/api/v1/query', { where, limit: 3 })).body as { cursor?: string };
    expect((await post(kvs, '/api/v1/query', { where, limit: 3, after: exact.cursor })).body).toEqual({ data: [] });
  });

  it.each([
    [{ limit: 21 }, /limit/],
    [{ limit: 0 }, /limit/],
    [{ where: [{ property: 'key', condition: 'BETWEEN', values: ['a', 'b'] }] }, /beginsWith/],
    [{ after: 'not-a-cursor' }, /cursor/],
  ])('refuses the query %j', async (query, message) => {
    const answer = await post(new KvsEmulator(), '/api/v1/query', query);
    expect(answer.status).toBe(400);
    expect((answer.body as { message: string }).message).toMatch(message);
  });

  it('says plainly what it does not emulate', async () => {
    const kvs = new KvsEmulator();
    expect(await post(kvs, '/api/v1/transaction', { set: [] })).toMatchObject({ status: 400, body: { code: 'UNSUPPORTED' } });
    expect(await post(kvs, '/api/v1/set', { key: 'k', value: 1, options: { ttl: { value: 1, unit: 'DAYS' } } })).toMatchObject({ status: 400, body: { code: 'UNSUPPORTED' } });
    expect(kvs.calls).toEqual(['/api/v1/transaction', '/api/v1/set']);
  });

  it('keeps its data in a JSON file across runs when given one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kvs-emulator-'));
    try {
      const file = join(dir, 'kvs.json');
      await post(new KvsEmulator({ file }), '/api/v1/set', { key: 'project:SUP', value: { since: 1 } });
      const reopened = new KvsEmulator({ file });
      expect(reopened.peek('project:SUP')).toEqual({ since: 1 });
      await post(reopened, '/api/v1/delete', { key: 'project:SUP' });
      expect(new KvsEmulator({ file }).keys()).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
