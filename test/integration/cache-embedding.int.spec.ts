import OpenAI from 'openai';
import { Kvm } from '@nats-io/kv';
import { createTestDatabase, type TestDatabase, waitFor } from '@gatehouse/testing';
import { type RunningLedger, startLedger } from '../../services/ledger/src/main';
import { type GatewayStack, requestEvent, startGatewayStack } from '../support/gateway-stack';
import { call } from './identity-helpers';

process.env.LOG_LEVEL ??= 'error';

/**
 * Issue #9, the semantic cache with an embedding alias (docs/adr/0011), over a real nats-server
 * and Postgres: the prompt's embedding comes from the simulator's embeddings endpoint through our
 * own router (`gh.rpc.router.embed.v1`), each embedding call is a request event of its own that
 * the ledger bills, and the simulator's chat count proves a semantic hit never reached the
 * provider. The simulator embeds by words, so a rewording that keeps most words is close
 * (cosine ≈ 0.93) and a question about something else with the same frame is not (≈ 0.85).
 */
const SIM_KEY = 'sk-sim-provider-secret-0123456789';
const KEY = 'sk-gh-cache-emb-team-0001';
const MASTER = 'sk-gh-cache-emb-master';
const SYSTEM = 'You answer questions about the staff handbook.';
const ORIGINAL = 'How do I reset my password on the staff portal for new employees?';
const PARAPHRASE = 'how can I reset my password on the staff portal for new employees';
const NEAR_MISS = 'How do I change my username on the staff portal for new employees?';

let stack: GatewayStack | undefined;
let db: TestDatabase | undefined;
let ledger: RunningLedger | undefined;

const config = (simUrl: string) => `
model_list:
  - { model_name: sim-model, litellm_params: { model: openai/sim-model, api_base: "${simUrl}", api_key: os.environ/GH_TEST_SIM_KEY, input_cost_per_token: 0.000001, output_cost_per_token: 0.000002 } }
  - { model_name: sim-embed, litellm_params: { model: openai/text-embedding-3-small, api_base: "${simUrl}", api_key: os.environ/GH_TEST_SIM_KEY, input_cost_per_token: 0.0000001 } }
litellm_settings:
  cache: true
  cache_params: { type: redis-semantic, similarity_threshold: 0.9, redis_semantic_cache_embedding_model: sim-embed }
general_settings: { master_key: ${MASTER} }
gatehouse:
  keys:
    - { key: ${KEY}, key_alias: emb, team_id: team-emb }
  cache: { teams: [team-emb] }
  # The first look-up of a cold stack can take longer than the 300 ms default on a loaded CI box;
  # a timeout fails open (bypass), which is not what these tests are about.
  timeouts: { cache_ms: 10000 }
`;

const chats = () => stack!.sim.requestCount('/v1/chat/completions');
const embeddings = () => stack!.sim.requestCount('/v1/embeddings');

async function ask(content: string) {
  const client = new OpenAI({ baseURL: `${stack!.gw.urls[0]}/v1`, apiKey: KEY, maxRetries: 0, timeout: 15_000 });
  const body = { model: 'sim-model', messages: [{ role: 'system' as const, content: SYSTEM }, { role: 'user' as const, content }] };
  const { data, response } = await client.chat.completions.create(body).withResponse();
  return { text: data.choices[0].message.content, cache: response.headers.get('x-gatehouse-cache'), id: response.headers.get('x-request-id')! };
}

/** Stores happen after the client has its answer: wait for `n` semantic records in the bucket. */
async function vectors(n: number) {
  const kv = await new Kvm(stack!.nc).open('GH_CACHE');
  await waitFor(async () => {
    let count = 0;
    for await (const k of await kv.keys('s.>')) if (k) count++;
    return count >= n;
  }, `${n} semantic records`);
}

const event = (id: string) => requestEvent(stack!.nc, id);

beforeAll(async () => {
  process.env.GH_TEST_SIM_KEY = SIM_KEY;
  stack = await startGatewayStack({ apiKey: SIM_KEY }, ({ url }) => ({ configYaml: config(url), ingressReplicas: 1, routerReplicas: 1 }));
  db = await createTestDatabase('gh_cache_emb');
  ledger = await startLedger({ natsUrl: stack.nats.url, databaseUrl: db.url, batchWaitMs: 2 });
}, 60_000);

afterAll(async () => {
  await ledger?.close();
  await stack?.close();
  await db?.drop();
});

describe('semantic cache with an embedding alias', () => {
  let original: Awaited<ReturnType<typeof ask>>;
  let paraphrase: Awaited<ReturnType<typeof ask>>;
  let nearMiss: Awaited<ReturnType<typeof ask>>;

  it('hits on a paraphrase and misses on a near miss below the threshold, embedding every look-up through the router', async () => {
    original = await ask(ORIGINAL);
    expect(original.cache).toBe('miss');
    expect([chats(), embeddings()]).toEqual([1, 1]);
    await vectors(1);

    paraphrase = await ask(PARAPHRASE);
    expect(paraphrase.cache).toBe('semantic-hit');
    expect(paraphrase.text).toBe(original.text);
    expect([chats(), embeddings()]).toEqual([1, 2]); // the provider was not called for the hit

    nearMiss = await ask(NEAR_MISS);
    expect(nearMiss.cache).toBe('miss');
    expect(nearMiss.text).not.toBe(original.text);
    expect([chats(), embeddings()]).toEqual([2, 3]);

    const hit = await event(paraphrase.id);
    const paid = await event(original.id);
    expect(hit).toMatchObject({ cache: { status: 'semantic-hit', entry_request_id: original.id }, cost: { usd: 0 } });
    const similarity = (hit.cache as { similarity: number }).similarity;
    expect(similarity).toBeGreaterThanOrEqual(0.9);
    expect(similarity).toBeLessThan(1); // not the same text: a real semantic match
    expect((hit.cache as { saved_usd: number }).saved_usd).toBeCloseTo((paid.cost as { usd: number }).usd, 12);
  });

  it('accounts each embedding call as a billed request event of its own', async () => {
    for (const r of [original, paraphrase, nearMiss]) {
      const e = await event(`${r.id}-cache-embed`);
      expect(e).toMatchObject({ endpoint: '/v1/embeddings', model: 'sim-embed', http_status: 200, cache: { status: 'bypass' } });
      expect(e.tags).toContain('gatehouse:cache-embedding');
      expect((e.usage as { prompt_tokens: number }).prompt_tokens).toBeGreaterThan(0);
      expect((e.cost as { usd: number }).usd).toBeGreaterThan(0);
    }
  });

  it('shows the embedding calls, the hit and the deflected $ in the spend logs and report (ledger over Postgres)', async () => {
    const ids = [original, paraphrase, nearMiss].flatMap((r) => [r.id, `${r.id}-cache-embed`]);
    type Log = { request_id: string; spend: number; cache_hit: string; model: string; saved_cache_cost: number };
    const logs = await waitFor(async () => {
      const r = await call(stack!.gw.urls[0], 'GET', '/spend/logs', MASTER);
      const rows = (r.body as Log[]).filter((l) => ids.includes(l.request_id));
      return rows.length === ids.length ? rows : undefined;
    }, 'six spend rows');
    const byId = new Map(logs.map((l) => [l.request_id, l]));
    for (const r of [original, paraphrase, nearMiss]) {
      expect(byId.get(`${r.id}-cache-embed`)).toMatchObject({ model: 'sim-embed', cache_hit: 'False' });
      expect(byId.get(`${r.id}-cache-embed`)!.spend).toBeGreaterThan(0);
    }
    const paid = byId.get(original.id)!.spend;
    expect(paid).toBeGreaterThan(0);
    expect(byId.get(paraphrase.id)).toMatchObject({ cache_hit: 'True', spend: 0, saved_cache_cost: expect.closeTo(paid, 12) });

    // The chargeback report: per team and model, hits and what they deflected.
    const day = new Date().toISOString().slice(0, 10);
    const csvRow = async (model: string) => {
      const r = await call(stack!.gw.urls[0], 'GET', `/global/spend/report?start_date=${day}&end_date=${day}&group_by=team&format=csv`, MASTER);
      const [head, ...rows] = (r.text as string).trim().split('\r\n').map((l) => l.split(','));
      const row = rows.find((c) => c[2] === 'team-emb' && c[3] === model);
      return row ? Object.fromEntries(head.map((h, i) => [h, row[i]])) : undefined;
    };
    const chat = await waitFor(async () => {
      const row = await csvRow('sim-model');
      return row?.requests === '3' ? row : undefined;
    }, 'the report row of the chat model');
    expect(Number(chat.cache_hits)).toBe(1);
    expect(Number(chat.cache_saved_usd)).toBeCloseTo(paid, 9);
    const embed = await csvRow('sim-embed');
    expect(embed).toMatchObject({ requests: '3', cache_hits: '0' });
    expect(Number(embed!.spend_usd)).toBeGreaterThan(0);
  });
});
