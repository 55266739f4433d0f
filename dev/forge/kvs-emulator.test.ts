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
    expect(await post(kvs, '/api/v1/batch/set', [{ key: 'k', value: 1 }])).toMatchObject({ status: 400, body: { code: 'UNSUPPORTED' } });
    expect(await post(kvs, '/api/v1/set', { key: 'k', value: 1, options: { ttl: { value: 1, unit: 'DAYS' } } })).toMatchObject({ status: 400, body: { code: 'UNSUPPORTED' } });
    expect(await post(kvs, '/api/v1/transaction', { check: [{ key: 'k', entityName: 'e', conditions: { and: [] } }] })).toMatchObject({ status: 400, body: { code: 'UNSUPPORTED' } });
    expect(await post(kvs, '/api/v1/transaction', { set: [{ key: 'k', value: 1, entityName: 'employee' }] })).toMatchObject({ status: 400, body: { code: 'UNSUPPORTED' } });
    expect(await post(kvs, '/api/v1/transaction', { set: [{ key: 'k', value: 1, options: { ttl: { value: 1, unit: 'DAYS' } } }] })).toMatchObject({ status: 400, body: { code: 'UNSUPPORTED' } });
    expect(kvs.calls).toEqual(['/api/v1/batch/set', '/api/v1/set', '/api/v1/transaction', '/api/v1/transaction', '/api/v1/transaction']);
    expect(kvs.keys()).toEqual([]);
  });

  describe('create-only sets and transactions', () => {
    const where = (key: string) => ({ key, value: { v: key } });
    const createOnly = { keyPolicy: 'FAIL_IF_EXISTS' };

    it('creates a key with FAIL_IF_EXISTS once; the second answers 409 KEY_CONFLICT and keeps the first value', async () => {
      const kvs = new KvsEmulator();
      expect(await post(kvs, '/api/v1/set', { key: 'lock:1', value: 'first', options: createOnly })).toEqual({ status: 204, body: undefined });
      expect(await post(kvs, '/api/v1/set', { key: 'lock:1', value: 'second', options: createOnly })).toMatchObject({ status: 409, body: { code: 'KEY_CONFLICT', message: expect.stringContaining('lock:1') } });
      expect(kvs.peek('lock:1')).toBe('first');
      expect(kvs.writesTo('lock:1')).toBe(1);
      expect(await post(kvs, '/api/v1/set', { key: 'lock:1', value: 'third', options: { keyPolicy: 'OVERRIDE' } })).toMatchObject({ status: 204 });
      expect(kvs.peek('lock:1')).toBe('third');
    });

    it('applies the sets and deletes of a transaction together, in the body @forge/kvs sends', async () => {
      const kvs = new KvsEmulator();
      await post(kvs, '/api/v1/set', where('old'));
      const answer = await post(kvs, '/api/v1/transaction', { set: [where('a'), { ...where('b'), options: createOnly }], delete: [{ key: 'old' }, { key: 'never-was' }] });
      expect(answer).toEqual({ status: 204, body: undefined });
      expect(kvs.keys()).toEqual(['a', 'b']);
    });

    it('fails a whole transaction with 409 KEY_CONFLICT when a create-only key exists, writing and deleting nothing', async () => {
      const kvs = new KvsEmulator();
      await post(kvs, '/api/v1/set', { key: 'taken', value: 'theirs' });
      await post(kvs, '/api/v1/set', { key: 'keep', value: 'kept' });
      const answer = await post(kvs, '/api/v1/transaction', { set: [where('a'), { key: 'taken', value: 'mine', options: createOnly }], delete: [{ key: 'keep' }] });
      expect(answer).toMatchObject({ status: 409, body: { code: 'KEY_CONFLICT' } });
      expect(kvs.keys()).toEqual(['keep', 'taken']);
      expect(kvs.peek('taken')).toBe('theirs');
    });

    it.each([
      ['no operations', {}],
      ['26 operations', { set: Array.from({ length: 20 }, (_, i) => where(`s${i}`)), delete: Array.from({ length: 6 }, (_, i) => ({ key: `d${i}` })) }],
      ['a key set twice', { set: [where('a'), where('a')] }],
      ['a key set and deleted', { set: [where('a')], delete: [{ key: 'a' }] }],
      ['an invalid key', { set: [where('a'), where('bad/key')] }],
      ['a value over 240 KiB', { set: [where('a'), { key: 'big', value: 'x'.repeat(KVS_LIMITS.valueBytes) }] }],
      ['more than 4 MB in all', { set: Array.from({ length: 17 }, (_, i) => ({ key: `big${i}`, value: 'x'.repeat(KVS_LIMITS.valueBytes - 10) })) }],
      ['an unknown key policy', { set: [{ ...where('a'), options: { keyPolicy: 'SOMETIMES' } }] }],
    ])('refuses a transaction with %s (400), applying nothing', async (_what, body) => {
      const kvs = new KvsEmulator();
      const answer = await post(kvs, '/api/v1/transaction', body);
      expect(answer.status).toBe(400);
      expect(kvs.keys()).toEqual([]);
    });

    it('takes 25 operations, the limit', async () => {
      const kvs = new KvsEmulator();
      expect((await post(kvs, '/api/v1/transaction', { set: Array.from({ length: 25 }, (_, i) => where(`k${String(i).padStart(2, '0')}`)) })).status).toBe(204);
      expect(kvs.keys()).toHaveLength(25);
    });

    it('takes its latency on every request, handling it in the middle, so parallel callers interleave', async () => {
      const kvs = new KvsEmulator({ latencyMs: 40 });
      const started = Date.now();
      const [first, second] = await Promise.all([
        post(kvs, '/api/v1/set', { key: 'lock', value: 'A', options: createOnly }),
        post(kvs, '/api/v1/set', { key: 'lock', value: 'B', options: createOnly }),
      ]);
      expect(Date.now() - started).toBeGreaterThanOrEqual(35);
      expect([first.status, second.status].sort()).toEqual([204, 409]);
      kvs.latencyMs = 0;
      const quick = Date.now();
      await post(kvs, '/api/v1/get', { key: 'lock' });
      expect(Date.now() - quick).toBeLessThan(35);
    });
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
