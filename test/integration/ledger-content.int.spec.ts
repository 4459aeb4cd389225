import { connectNats, readStream } from '@gatehouse/nats';
import { waitFor } from '@gatehouse/testing';
import { TEST_KEY, TEST_MASTER_KEY, testConfig } from '../support/in-process-gateway';
import { type LedgerStack, startLedgerStack } from '../support/ledger-stack';
import { runCli } from '../../tools/cli/src/cli';
import { call } from './identity-helpers';
import { capture, sql } from './ledger-helpers';

process.env.LOG_LEVEL ??= 'error';

/**
 * Issue #7, content over real NATS and Postgres: per-team policy (full, metadata, redacted, none),
 * encrypted capture (streamed too), the admin read path, forget (crypto-shredding) with the audit
 * chain still verifying, and retention.
 */
let stack: LedgerStack;
let A: string;
const M = TEST_MASTER_KEY;
const SCOPED = 'sk-gh-scoped-key-0003'; // team-scoped: metadata
const LIMITED = 'sk-gh-limited-key-0002'; // team-limited: redacted
const MARK = 'PLAINTEXT-MARKER-7f3a';
const EMAIL = 'jane.doe@example.com';

const extra = `  cache: { teams: [team-test] }
  # The first look-up of a cold stack can take longer than the 300 ms default on a loaded CI box;
  # a timeout fails open (bypass), which is not what these tests are about.
  timeouts: { cache_ms: 10000 }
  guard:
    actions: { pii.email: redact }
  content:
    master_key: os.environ/GH_TEST_CONTENT_MASTER_KEY
    teams:
      team-test: { logging: full, retention_days: 30 }
      team-scoped: { logging: metadata }
      team-limited: { logging: redacted }`;

// Priced, so that a cache hit deflects a real amount; the cache is on for team-test only.
const models = `
  - { model_name: mock-model, litellm_params: { model: mock/mock-model, input_cost_per_token: 0.001, output_cost_per_token: 0.002 } }
litellm_settings:
  cache: true`;

/** A chat request; returns its request id (the `x-request-id` header) and answer. */
async function chat(key: string, content: string, user?: string): Promise<{ id: string; text: string }> {
  const res = await fetch(`${A}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'mock-model', messages: [{ role: 'user', content }], ...(user ? { user } : {}) }),
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { choices: { message: { content: string } }[] };
  return { id: res.headers.get('x-request-id')!, text: body.choices[0]!.message.content };
}

async function streamed(key: string, content: string, user: string): Promise<{ id: string; text: string }> {
  const res = await fetch(`${A}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'mock-model', stream: true, user, messages: [{ role: 'user', content }] }),
  });
  const id = res.headers.get('x-request-id')!;
  let text = '';
  for (const line of (await res.text()).split('\n')) {
    if (!line.startsWith('data: ') || line === 'data: [DONE]') continue;
    text += (JSON.parse(line.slice(6)) as { choices: { delta?: { content?: string } }[] }).choices[0]?.delta?.content ?? '';
  }
  return { id, text };
}

const rows = () => sql<{ request_id: string; team_id: string; level: string; envelope: unknown; forgotten_at: Date | null }>(stack.db.url, 'select request_id, team_id, level, envelope, forgotten_at from audit_content');
const content = (id: string, key = M) => call(A, 'GET', `/audit/content?request_id=${id}`, key);
const cli = async (...argv: string[]) => {
  const out = capture();
  const err = capture();
  const code = await runCli([...argv, '--nats', stack.nats.url], { stdout: out.stream, stderr: err.stream, env: {} });
  return { code, out: out.text(), err: err.text() };
};

const ids: Record<string, { id: string; text: string }> = {};

beforeAll(async () => {
  stack = await startLedgerStack({ dbPrefix: 'gh_content', configYaml: testConfig(models, extra), ledger: { retentionIntervalMs: 200 } });
  A = stack.url;
  ids.full = await chat(TEST_KEY, `full ${MARK}`, 'alice');
  ids.stream = await streamed(TEST_KEY, `streamed ${MARK}`, 'bob');
  ids.metadata = await chat(SCOPED, `metadata ${MARK}`);
  ids.redacted = await chat(LIMITED, `mail ${EMAIL} ${MARK}`);
  ids.none = await chat(M, `none ${MARK}`); // the master key has no team: default policy none
  await waitFor(async () => (await rows()).length === 4, 'four content rows', 20_000);
  await waitFor(async () => Number((await sql<{ n: string }>(stack.db.url, 'select count(*) as n from audit_entries'))[0]!.n) === 5, 'five audit rows', 20_000);
}, 90_000);

afterAll(() => stack?.close());

type Doc = { level: string; shape: { messages: { role: string; chars: number }[] }; request?: { messages: { content: string }[] }; completion?: { content: string }[] };
const doc = async (id: string) => {
  const r = await content(id);
  expect(r.status).toBe(200);
  return r.body as { level: string; team_id: string; subject: string | null; ciphertext_sha256: string; document: Doc };
};

describe('content logging per team policy', () => {
  it('stores content only per policy, and only ciphertext', async () => {
    const stored = await rows();
    expect(Object.fromEntries(stored.map((r) => [r.request_id, r.level]))).toEqual({
      [ids.full!.id]: 'full', [ids.stream!.id]: 'full', [ids.metadata!.id]: 'metadata', [ids.redacted!.id]: 'redacted',
    });
    const raw = await sql<{ t: string }>(stack.db.url, "select string_agg(t::text, '|') as t from audit_content t");
    expect(raw[0]!.t).not.toContain(MARK);
    expect(raw[0]!.t).not.toContain(EMAIL);
    expect(raw[0]!.t).not.toContain(Buffer.from(MARK).toString('base64').slice(0, 12));
    // Nor does the stream hold plaintext: GH_CONTENT carries envelopes only.
    const nc = await connectNats({ url: stack.nats.url, name: 'ledger-content-int' });
    try {
      let events = '';
      for await (const e of readStream(nc, 'GH_CONTENT', { from: { first: true } })) events += JSON.stringify(e.data);
      expect(events).toContain(ids.full!.id);
      expect(events).not.toContain(MARK);
      expect(events).not.toContain(EMAIL);
    } finally {
      await nc.close();
    }
  });

  it('decrypts for a proxy admin: full texts, the assembled stream, the shape only, the redacted request', async () => {
    const full = await doc(ids.full!.id);
    expect(full).toMatchObject({ level: 'full', team_id: 'team-test', subject: 'alice' });
    expect(full.document.request!.messages[0]!.content).toBe(`full ${MARK}`);
    expect(full.document.completion![0]!.content).toBe(ids.full!.text);

    const stream = await doc(ids.stream!.id);
    expect(stream.subject).toBe('bob');
    expect(stream.document.completion![0]!.content).toBe(ids.stream!.text);
    expect(ids.stream!.text).toContain(MARK);

    const meta = await doc(ids.metadata!.id);
    expect(JSON.stringify(meta.document)).not.toContain(MARK);
    expect(meta.document.shape.messages).toEqual([{ role: 'user', chars: `metadata ${MARK}`.length }]);

    const red = await doc(ids.redacted!.id);
    expect(JSON.stringify(red.document)).not.toContain(EMAIL);
    expect(red.document.request!.messages[0]!.content).toContain(MARK);
  });

  it('refuses the read path to anyone but a proxy admin, and answers 404 where nothing is stored', async () => {
    expect((await content(ids.full!.id, TEST_KEY)).status).toBe(403);
    expect((await content(ids.none!.id)).status).toBe(404);
  });
});

describe('forget and retention', () => {
  it('forget --user makes that subject\'s content undecryptable; costs, hashes and verify stay clean', async () => {
    const before = await sql<{ request_id: string; cost_usd: string; total_tokens: number }>(stack.db.url, 'select request_id, cost_usd, total_tokens from audit_entries order by request_id');
    const sha = (await doc(ids.full!.id)).ciphertext_sha256;
    const r = await cli('audit', 'forget', '--user', 'alice', '--reason', 'erasure request 42');
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain('forgot 1 data key(s) of user alice');

    const gone = await content(ids.full!.id);
    expect(gone.status).toBe(410);
    expect((await content(ids.stream!.id)).status).toBe(200); // bob's key is another key
    await waitFor(async () => (await rows()).find((x) => x.request_id === ids.full!.id)?.forgotten_at != null, 'row marked forgotten');
    const [log] = await sql<{ actor: string; scope: unknown; reason: string; rows_marked: number }>(stack.db.url, 'select actor, scope, reason, rows_marked from content_forgets');
    expect(log).toMatchObject({ scope: { user: 'alice' }, reason: 'erasure request 42', rows_marked: 1 });
    const [kept] = await sql<{ ciphertext_sha256: string }>(stack.db.url, 'select ciphertext_sha256 from audit_content where request_id = $1', [ids.full!.id]);
    expect(kept!.ciphertext_sha256).toBe(sha);

    expect(await sql(stack.db.url, 'select request_id, cost_usd, total_tokens from audit_entries order by request_id')).toEqual(before);
    const verify = await runVerify();
    expect(verify.code).toBe(0);
    expect(verify.out).toContain('audit chain OK');

    // A new request of the same subject gets a new key: readable, while the old content stays sealed.
    const again = await chat(TEST_KEY, 'after the forget', 'alice');
    await waitFor(async () => (await rows()).some((x) => x.request_id === again.id), 'new content row');
    expect((await content(again.id)).status).toBe(200);
    expect((await content(ids.full!.id)).status).toBe(410);
  });

  it('forget --team destroys every key of the team', async () => {
    const r = await cli('audit', 'forget', '--team', 'team-scoped');
    expect(r.code).toBe(0);
    expect((await content(ids.metadata!.id)).status).toBe(410);
  });

  it('retention deletes content past its team\'s days and keeps the metadata', async () => {
    const [row] = await sql<{ delete_after: Date | null }>(stack.db.url, 'select delete_after from audit_content where request_id = $1', [ids.stream!.id]);
    expect(Date.parse(String(row!.delete_after)) - Date.now()).toBeGreaterThan(29 * 86_400_000); // team-test keeps 30 days
    await sql(stack.db.url, "update audit_content set occurred_at = now() - interval '31 days', delete_after = now() - interval '1 day' where request_id = $1", [ids.stream!.id]);
    await waitFor(async () => !(await rows()).some((x) => x.request_id === ids.stream!.id), 'old content deleted', 10_000);
    expect(await sql(stack.db.url, 'select request_id from audit_entries where request_id = $1', [ids.stream!.id])).toHaveLength(1);
    expect((await rows()).some((x) => x.request_id === ids.redacted!.id)).toBe(true); // no retention: kept
  });
});

describe('cache hits', () => {
  /** A plain request with its cache verdict (`x-gatehouse-cache`). */
  async function ask(content: string, user: string) {
    const res = await fetch(`${A}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'mock-model', user, messages: [{ role: 'user', content }] }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { choices: { message: { content: string } }[] };
    return { id: res.headers.get('x-request-id')!, cache: res.headers.get('x-gatehouse-cache'), text: body.choices[0]!.message.content };
  }

  it('audits a request served from the cache with its content, the hit and the spend it deflected', async () => {
    const question = `cached question ${MARK}`;
    const first = await ask(question, 'carol');
    expect(first.cache).toBe('miss');
    // The answer is stored after the client has it: ask until the cache answers.
    const hit = await waitFor(async () => {
      const r = await ask(question, 'carol');
      return r.cache === 'hit' ? r : null;
    }, 'a cache hit');
    expect(hit.text).toBe(first.text);
    await waitFor(async () => (await rows()).some((x) => x.request_id === hit.id), 'content row of the hit');

    const stored = await doc(hit.id);
    expect(stored).toMatchObject({ level: 'full', team_id: 'team-test', subject: 'carol' });
    expect(stored.document.request!.messages[0]!.content).toBe(question);
    expect(stored.document.completion![0]!.content).toBe(first.text);
    const [paid] = await sql<{ cost: number }>(stack.db.url, 'select cost_usd::float8 as cost from audit_entries where request_id = $1', [first.id]);
    expect(paid!.cost).toBeGreaterThan(0);
    expect((stored.document as Doc & { cache?: unknown }).cache).toEqual({ status: 'hit', entry_request_id: first.id, saved_usd: paid!.cost });

    await waitFor(async () => (await sql(stack.db.url, 'select 1 from audit_entries where request_id = $1', [hit.id])).length === 1, 'audit row of the hit');
    const [log] = (await call(A, 'GET', `/spend/logs?request_id=${hit.id}`, M)).body as { cache_hit: string; spend: number; saved_cache_cost: number }[];
    expect(log).toMatchObject({ cache_hit: 'True', spend: 0, saved_cache_cost: paid!.cost });
    const day = new Date().toISOString().slice(0, 10);
    const report = (await call(A, 'GET', `/global/spend/report?start_date=${day}&end_date=${day}&group_by=team`, M)).body as { teams: { team_name: string; total_cache_hits: number; total_saved_cache_cost: number }[] }[];
    const team = report.flatMap((d) => d.teams).find((t) => t.team_name === 'team-test')!;
    expect(team).toMatchObject({ total_cache_hits: 1, total_saved_cache_cost: paid!.cost });
  });
});

async function runVerify() {
  const out = capture();
  const err = capture();
  const code = await runCli(['audit', 'verify', '--nats', stack.nats.url, '--database', stack.db.url], { stdout: out.stream, stderr: err.stream, env: {} });
  return { code, out: out.text(), err: err.text() };
}
