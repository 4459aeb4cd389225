import { connectNats, readStream } from '@gatehouse/nats';
import { waitFor } from '@gatehouse/testing';
import { TEST_KEY, TEST_MASTER_KEY, testConfig } from '../support/in-process-gateway';
import { type LedgerStack, startLedgerStack } from '../support/ledger-stack';
import { call } from './identity-helpers';
import { sql } from './ledger-helpers';

process.env.LOG_LEVEL ??= 'error';

/**
 * docs/adr/0012 over real NATS/JetStream and Postgres: embeddings content (answered and refused)
 * and the content of refused chat requests — a guard block stored in the form the guard allows,
 * a quota refusal, a model the key may not call — readable through `GET /audit/content` with the
 * refusal, and nothing captured for a team whose content logging is off.
 */
let stack: LedgerStack;
let A: string;
const M = TEST_MASTER_KEY;
const LIMITED = 'sk-gh-limited-key-0002'; // team-limited, rpm 3: full
const SCOPED = 'sk-gh-scoped-key-0003'; // team-scoped, only mock-model: full
const QUIET = 'sk-gh-quiet-key-0004'; // team-quiet, rpm 2: logging none
const MARK = 'PLAINTEXT-MARKER-5c1d';
const CARD = '4111 1111 1111 1111';

// The first line continues testConfig's `keys` list with a key of a team that logs nothing.
const extra = `    - { key: ${QUIET}, key_alias: quiet, team_id: team-quiet, rpm_limit: 2 }
  guard:
    actions: { pii.payment_card: block }
  content:
    master_key: os.environ/GH_TEST_CONTENT_MASTER_KEY
    default: { logging: none }
    teams:
      team-test: { logging: full, retention_days: 30 }
      team-limited: { logging: full }
      team-scoped: { logging: full }
      team-quiet: { logging: none }`;

const models = `
  - { model_name: mock-model, litellm_params: { model: mock/mock-model } }
  - { model_name: mock-embed, litellm_params: { model: mock/mock-embed } }`;

const chat = async (key: string, content: string, model = 'mock-model') => {
  const r = await fetch(`${A}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model, messages: [{ role: 'user', content }] }),
  });
  const body = (await r.json()) as { error?: { code?: string } };
  return { id: r.headers.get('x-request-id')!, status: r.status, body };
};
const embed = async (key: string, input: unknown, model = 'mock-embed') => {
  const r = await fetch(`${A}/v1/embeddings`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model, input, encoding_format: 'float' }),
  });
  return { id: r.headers.get('x-request-id')!, status: r.status, body: (await r.json()) as { data?: { embedding: number[] }[] } };
};

interface Row { request_id: string; team_id: string; level: string; endpoint: string | null; outcome: string; error_code: string | null; http_status: number | null }
const rows = () => sql<Row>(stack.db.url, 'select request_id, team_id, level, endpoint, outcome, error_code, http_status from audit_content');
const audited = async () => Number((await sql<{ n: string }>(stack.db.url, 'select count(*) as n from audit_entries'))[0]!.n);
type Doc = {
  kind?: string; level: string;
  shape: { messages?: { role: string; chars: number }[]; inputs?: unknown[]; vectors?: { dims: number }[] };
  request?: { messages?: { content: string }[]; input?: unknown };
  completion?: unknown[];
  error?: { code: string; http_status: number; guard?: { detector: string; action: string }[] };
};
const content = async (id: string) => {
  const r = await call(A, 'GET', `/audit/content?request_id=${id}`, M);
  expect(r.status).toBe(200);
  return r.body as { level: string; team_id: string; endpoint: string; outcome: string; error: { code: string; http_status: number } | null; document: Doc };
};

const ids: Record<string, string> = {};
const quiet: string[] = [];
let total = 0;

beforeAll(async () => {
  stack = await startLedgerStack({ dbPrefix: 'gh_content_refusals', configYaml: testConfig(models, extra) });
  A = stack.url;
  const expectStatus = <R extends { id: string; status: number }>(r: R, status: number): R => {
    total++;
    expect(r.status).toBe(status);
    return r;
  };

  // Logging off: an answer, a refused embedding, a guard block and a quota refusal — none captured.
  quiet.push(expectStatus(await embed(QUIET, `quiet ${MARK}`), 200).id);
  quiet.push(expectStatus(await chat(QUIET, `quiet card ${CARD}`), 400).id);
  quiet.push(expectStatus(await chat(QUIET, `quiet again ${MARK}`), 429).id);

  ids.embed = expectStatus(await embed(TEST_KEY, [`embed ${MARK}`, 'second input']), 200).id;
  ids.embedRefused = expectStatus(await embed(SCOPED, `not my model ${MARK}`), 403).id;
  ids.blocked = expectStatus(await chat(TEST_KEY, `pay with card ${CARD} please ${MARK}`), 400).id;
  ids.forbidden = expectStatus(await chat(SCOPED, `wrong model ${MARK}`, 'mock-embed'), 403).id;
  // team-limited allows 3 requests a minute: ask until quota refuses (a minute boundary may let a 4th through).
  for (let i = 0; i < 8 && !ids.limited; i++) {
    const r = await chat(LIMITED, `limited ${i} ${MARK}`);
    total++;
    if (r.status === 429) ids.limited = r.id;
    else expect(r.status).toBe(200);
  }
  expect(ids.limited).toBeDefined();
  const captured = total - quiet.length;
  await waitFor(async () => (await audited()) === total, `${total} audit rows`, 20_000);
  await waitFor(async () => (await rows()).length === captured, `${captured} content rows`, 20_000);
}, 90_000);

afterAll(() => stack?.close());

describe('embeddings content', () => {
  it('captures the input (never the vectors) and reads it back through /audit/content', async () => {
    const c = await content(ids.embed!);
    expect(c).toMatchObject({ level: 'full', team_id: 'team-test', endpoint: '/v1/embeddings', outcome: 'completed', error: null });
    expect(c.document).toMatchObject({ kind: 'embeddings', request: { input: [`embed ${MARK}`, 'second input'] } });
    expect(c.document.shape.inputs).toEqual([{ chars: `embed ${MARK}`.length }, { chars: 12 }]);
    expect(c.document.shape.vectors).toHaveLength(2);
    expect(c.document.shape.vectors![0]!.dims).toBeGreaterThan(0);
    expect(JSON.stringify(c.document)).not.toMatch(/embedding"/);
  });

  it('captures a refused embeddings request with its refusal', async () => {
    const c = await content(ids.embedRefused!);
    expect(c).toMatchObject({ endpoint: '/v1/embeddings', outcome: 'refused', error: { code: 'permission_denied', http_status: 403 } });
    expect(c.document).toMatchObject({ request: { input: `not my model ${MARK}` }, error: { code: 'permission_denied', http_status: 403 } });
  });
});

describe('refused chat requests', () => {
  it('stores a guard-blocked request as the guard allows: the card redacted, the rest kept', async () => {
    const c = await content(ids.blocked!);
    expect(c).toMatchObject({ level: 'redacted', endpoint: '/v1/chat/completions', outcome: 'refused', error: { code: 'content_policy_violation', http_status: 400 } });
    const text = c.document.request!.messages![0]!.content;
    expect(text).toBe(`pay with card [REDACTED_CARD] please ${MARK}`);
    expect(JSON.stringify(c.document)).not.toContain('4111');
    expect(c.document.error!.guard).toEqual(expect.arrayContaining([expect.objectContaining({ detector: 'pii.payment_card', action: 'block' })]));
    expect(c.document.completion).toEqual([]);
  });

  it('stores a quota refusal with the request as sent (the guard allowed it) and its reason', async () => {
    const c = await content(ids.limited!);
    expect(c).toMatchObject({ level: 'full', team_id: 'team-limited', outcome: 'refused', error: { code: 'rate_limit_exceeded', http_status: 429 } });
    expect(c.document.request!.messages![0]!.content).toMatch(new RegExp(`^limited \\d ${MARK}$`));
    expect(c.document.error).toEqual({ code: 'rate_limit_exceeded', http_status: 429 });
  });

  it('stores only the shape of a request refused before the guard saw it', async () => {
    const c = await content(ids.forbidden!);
    expect(c).toMatchObject({ level: 'metadata', outcome: 'refused', error: { code: 'permission_denied', http_status: 403 } });
    expect(JSON.stringify(c.document)).not.toContain(MARK);
    expect(c.document.shape.messages).toEqual([{ role: 'user', chars: `wrong model ${MARK}`.length }]);
  });

  it('answered requests are v2 captures too: completed, no error', async () => {
    const answered = (await rows()).filter((r) => r.team_id === 'team-limited' && r.request_id !== ids.limited);
    expect(answered.length).toBeGreaterThanOrEqual(3);
    for (const r of answered) expect(r).toMatchObject({ endpoint: '/v1/chat/completions', outcome: 'completed', error_code: null, http_status: null });
  });
});

describe('never plaintext, never for a team that logs nothing', () => {
  it('keeps the card and the texts out of Postgres and GH_CONTENT, and captures nothing of team-quiet', async () => {
    const stored = await rows();
    for (const id of quiet) expect(stored.some((r) => r.request_id === id)).toBe(false);
    const raw = (await sql<{ t: string }>(stack.db.url, "select string_agg(t::text, '|') as t from audit_content t"))[0]!.t;
    for (const v of [MARK, '4111', CARD]) expect(raw).not.toContain(v);
    const nc = await connectNats({ url: stack.nats.url, name: 'ledger-content-refusals-int' });
    try {
      let events = '';
      for await (const e of readStream(nc, 'GH_CONTENT', { from: { first: true } })) events += `${JSON.stringify(e.data)}\n`;
      expect(events).toContain(ids.blocked!);
      for (const id of quiet) expect(events).not.toContain(id);
      for (const v of [MARK, '4111', TEST_KEY, LIMITED, SCOPED]) expect(events).not.toContain(v);
    } finally {
      await nc.close();
    }
  });
});
