import { type KV, Kvm } from '@nats-io/kv';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { ChatCompletion } from '@gatehouse/contracts';
import { type NatsServerHandle, startNatsServer, waitFor } from '@gatehouse/testing';
import { CacheEngine } from '../../services/cache/src/lookup/cache-engine.service';
import { CacheStoreService } from '../../services/cache/src/store/cache-store.service';
import { startCache } from '../../services/cache/src/main';

process.env.LOG_LEVEL ??= 'error';

/**
 * Issue #9, the cache's shared state over a real nats-server (docs/adr/0011): entries written by
 * one replica are seen by every other, a replica's in-memory copy of an entry never outlives a
 * rewrite elsewhere, a namespace stays within its size bound (oldest out, with its semantic
 * record), and a replica started later rebuilds its semantic index from the bucket.
 */
type Replica = Awaited<ReturnType<typeof startCache>>;
let nats: NatsServerHandle;
let nc: NatsConnection;
let kv: KV;
const replicas: Replica[] = [];

const engine = (r: Replica) => r.app.get(CacheEngine);
const request = (content: string) => ({ model: 'm', messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content }] });
const answer = (text: string): ChatCompletion => ({
  id: `c-${text.length}`, object: 'chat.completion', created: 1, model: 'm',
  choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
});
const LOCAL = { method: 'local' as const, threshold: 0.85 };
const save = (r: Replica, ns: string, content: string, text: string, maxEntries = 100, ttlS = 600) =>
  engine(r).save({ request_id: `req-${text}`, namespace: ns, request: request(content), response: answer(text), cost_usd: 0.01, ttl_s: ttlS, max_entries: maxEntries, semantic: LOCAL });
const lookup = (r: Replica, ns: string, content: string) => engine(r).lookup({ request_id: 'q', namespace: ns, request: request(content), semantic: LOCAL });
const textOf = (l: Awaited<ReturnType<typeof lookup>>) => (l.status === 'hit' || l.status === 'semantic-hit' ? l.response.choices[0].message.content : l.status);

async function keys(prefix: string): Promise<string[]> {
  const out: string[] = [];
  for await (const k of await kv.keys(`${prefix}.>`)) out.push(k);
  return out;
}

beforeAll(async () => {
  nats = await startNatsServer();
  for (let i = 0; i < 2; i++) replicas.push(await startCache({ natsUrl: nats.url }));
  nc = await connect({ servers: nats.url });
  kv = await new Kvm(nc).open('GH_CACHE');
}, 30_000);

afterAll(async () => {
  for (const r of replicas) await r.close();
  await nc?.close();
  await nats?.stop();
});

describe('cache replicas share one bucket', () => {
  const [A, B] = [0, 1];

  it("serves another replica's entry, and drops a kept copy when any replica rewrites it", async () => {
    await save(replicas[A], 'team:x', 'What is the speed of light?', 'first answer');
    await waitFor(async () => textOf(await lookup(replicas[B], 'team:x', 'What is the speed of light?')) === 'first answer', 'B sees the entry');
    expect(textOf(await lookup(replicas[B], 'team:x', 'What is the speed of light?'))).toBe('first answer'); // now kept in B's memory
    await save(replicas[A], 'team:x', 'What is the speed of light?', 'second answer');
    await waitFor(async () => textOf(await lookup(replicas[B], 'team:x', 'What is the speed of light?')) === 'second answer', 'B drops its stale copy');
    expect(textOf(await lookup(replicas[A], 'team:x', 'What is the speed of light?'))).toBe('second answer');
  });

  it("keeps a namespace within its bound: the oldest entry goes, with its semantic record, on every replica", async () => {
    const ns = 'team:bounded';
    const prompts = ['Tell me about the tallest mountain on earth.', 'Explain how tides work in the ocean.', 'Summarise the plot of Hamlet briefly.'];
    for (const [i, p] of prompts.entries()) await save(replicas[A], ns, p, `answer ${i}`, 2);
    await waitFor(async () => (await keys('e')).filter((k) => k.includes('team_bounded')).length === 2, 'two exact entries left');
    await waitFor(async () => (await keys('s')).filter((k) => k.includes('team_bounded')).length === 2, 'two semantic records left');
    for (const r of [replicas[A], replicas[B]]) {
      await waitFor(async () => (await lookup(r, ns, prompts[0])).status === 'miss', 'the oldest is gone');
      expect(textOf(await lookup(r, ns, prompts[1]))).toBe('answer 1');
      expect(textOf(await lookup(r, ns, prompts[2]))).toBe('answer 2');
    }
    expect(textOf(await lookup(replicas[A], 'team:x', 'What is the speed of light?'))).toBe('second answer'); // another namespace is untouched
  });

  it('a semantic match expires with its entry, on every replica', async () => {
    await save(replicas[A], 'team:ttl', 'Which river runs through the old town?', 'river answer', 100, 1);
    for (const r of [replicas[A], replicas[B]]) {
      await waitFor(async () => (await lookup(r, 'team:ttl', 'which river runs through the old town')).status === 'semantic-hit', 'a semantic hit');
    }
    await new Promise((r) => setTimeout(r, 1_100));
    for (const r of [replicas[A], replicas[B]]) expect((await lookup(r, 'team:ttl', 'which river runs through the old town')).status).toBe('miss');
    expect((await lookup(replicas[A], 'team:ttl', 'Which river runs through the old town?')).status).toBe('miss'); // nor the exact entry
  });

  it('keeps hot entries in memory within its byte budget, least recently used out', async () => {
    const small = await startCache({ natsUrl: nats.url, valueCacheBytes: 4_000 }); // two entries of ~1.8 KB
    replicas.push(small);
    const prompts = ['Name a prime number above ninety.', 'Which planet has the most moons?', 'Spell the word necessary.'];
    for (const [i, p] of prompts.entries()) await save(small, 'team:lru', p, `lru ${i}`);
    const gets = jest.spyOn(small.app.get(CacheStoreService).kv, 'get');
    expect([textOf(await lookup(small, 'team:lru', prompts[1])), textOf(await lookup(small, 'team:lru', prompts[2]))]).toEqual(['lru 1', 'lru 2']);
    expect(gets).not.toHaveBeenCalled(); // both answered from memory
    expect(textOf(await lookup(small, 'team:lru', prompts[0]))).toBe('lru 0'); // pushed out: read from the bucket
    expect(gets).toHaveBeenCalledTimes(1);
    expect(textOf(await lookup(small, 'team:lru', prompts[0]))).toBe('lru 0');
    expect(gets).toHaveBeenCalledTimes(1); // and kept again
  });

  it('a replica started later rebuilds its semantic index from the bucket', async () => {
    await save(replicas[A], 'team:late', 'How do I reset my password on the staff portal?', 'reset answer');
    const late = await startCache({ natsUrl: nats.url });
    replicas.push(late);
    await waitFor(async () => (await lookup(late, 'team:late', 'how can I reset my password on the staff portal')).status === 'semantic-hit', 'the late replica finds the rewording');
    const hit = await lookup(late, 'team:late', 'how can I reset my password on the staff portal');
    expect(hit).toMatchObject({ status: 'semantic-hit', entry: { request_id: 'req-reset answer', cost_usd: 0.01 } });
    expect((await lookup(late, 'team:other', 'how can I reset my password on the staff portal')).status).toBe('miss'); // namespaces never meet
  });
});
