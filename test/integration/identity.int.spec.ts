import { createHash } from 'node:crypto';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { readStream } from '@gatehouse/nats';
import { type NatsServerHandle, startNatsServer } from '@gatehouse/testing';
import { type InProcessGateway, startInProcessGateway, TEST_MASTER_KEY, testConfig } from '../support/in-process-gateway';
import { startIdentity } from '../../services/identity/src/main';
import { call, chat } from './identity-helpers';

/**
 * Issue #4 over real NATS: two ingress and two identity replicas. Keys and teams through the
 * LiteLLM-compatible admin API, revocation visible on the very next request on the other replica,
 * rotation, expiry, inheritance, roles, bad input, and the rebuild of identity from GH_IDENTITY.
 */
let nats: NatsServerHandle;
let gw: InProcessGateway;
let nc: NatsConnection;
let A: string;
let B: string;
const M = TEST_MASTER_KEY;
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

beforeAll(async () => {
  nats = await startNatsServer();
  const models = `
  - { model_name: mock-model, litellm_params: { model: mock/mock-model } }
  - { model_name: mock-other, litellm_params: { model: mock/mock-other } }`;
  gw = await startInProcessGateway({ natsUrl: nats.url, configYaml: testConfig(models), identityReplicas: 2, routerReplicas: 1 });
  [A, B] = gw.urls;
  nc = await connect({ servers: nats.url });
  const team = await call(A, 'POST', '/team/new', M, { team_id: 'team-a', team_alias: 'A', models: ['mock-model'], rpm_limit: 1000, max_budget: 100 });
  expect(team.status).toBe(200);
  expect((await call(A, 'POST', '/team/new', M, { team_id: 'team-b', models: [] })).status).toBe(200);
}, 60_000);

afterAll(async () => {
  await nc?.close();
  await gw?.close();
  await nats?.stop();
});

const generate = async (body: Record<string, unknown>, as = M, base = A) => {
  const r = await call(base, 'POST', '/key/generate', as, body);
  if (r.status !== 200) throw new Error(`generate ${r.status}: ${r.text}`);
  return r.body as { key: string; key_id: string; token_id: string; expires: string | null; models: string[] };
};

describe('virtual keys', () => {
  it('mints sk-gh- keys with 256 bits, shown once, in LiteLLM shape', async () => {
    const k = await generate({ key_alias: 'shape', team_id: 'team-a', duration: '30d', metadata: { app: 'x' }, project_id: 'invoices' });
    expect(k.key).toMatch(/^sk-gh-[A-Za-z0-9_-]{43}$/);
    // LiteLLM's names beside ours: token_id for the key id, project_id for the project.
    expect(k).toMatchObject({ key_alias: 'shape', team_id: 'team-a', token_id: k.key_id, project: 'invoices', project_id: 'invoices', metadata: { app: 'x' } });
    expect(Date.parse(k.expires!) - Date.now()).toBeGreaterThan(29 * 86_400_000);
    const info = await call(B, 'GET', `/key/info?key=${k.key_id}`, M);
    expect(info.status).toBe(200);
    expect(info.text).toContain('"project_id":"invoices"');
    expect(info.text).not.toContain(k.key);
    expect(info.text).not.toContain(sha(k.key));
    expect((await chat(B, k.key)).status).toBe(200);
  });

  it('revoked via replica A is refused on the very next request via replica B, every time', async () => {
    for (let i = 0; i < 15; i++) {
      const k = await generate({ team_id: 'team-a' }, M, i % 2 ? A : B);
      expect((await chat(B, k.key)).status).toBe(200); // cached on B
      const del = await call(A, 'POST', '/key/delete', M, { keys: [k.key] });
      expect(del.body).toEqual({ deleted_keys: [k.key_id] });
      const next = await chat(B, k.key);
      expect(next.status).toBe(401);
      expect(next.body.error.code).toBe('invalid_api_key');
    }
  });

  it('deletes by alias', async () => {
    const k = await generate({ key_alias: 'to-delete', team_id: 'team-a' });
    expect((await chat(B, k.key)).status).toBe(200);
    expect((await call(A, 'POST', '/key/delete', M, { key_aliases: ['to-delete'] })).status).toBe(200);
    expect((await chat(B, k.key)).status).toBe(401);
  });

  it('rotates: new secret, same id; the old one dies now, or after its grace period', async () => {
    const k = await generate({ team_id: 'team-a' });
    expect((await chat(B, k.key)).status).toBe(200);
    const r = await call(A, 'POST', `/key/${k.key}/regenerate`, M, {});
    expect(r.status).toBe(200);
    expect(r.body.key_id).toBe(k.key_id);
    expect(r.body.key).not.toBe(k.key);
    expect((await chat(B, k.key)).status).toBe(401);
    expect((await chat(B, r.body.key)).status).toBe(200);
    const g = await call(A, 'POST', '/key/regenerate', M, { key: r.body.key, grace_period: '2s' });
    expect((await chat(B, r.body.key)).status).toBe(200); // still in grace
    expect((await chat(B, g.body.key)).status).toBe(200);
    await new Promise((res) => setTimeout(res, 2_100));
    expect((await chat(B, r.body.key)).status).toBe(401);
    expect((await chat(B, g.body.key)).status).toBe(200);
  });

  it('expires: refused once its duration passed, even from the cache', async () => {
    const k = await generate({ team_id: 'team-a', duration: '2s' });
    expect((await chat(B, k.key)).status).toBe(200);
    await new Promise((res) => setTimeout(res, 2_100));
    expect((await chat(B, k.key)).status).toBe(401);
  });

  it('an update narrowing the models applies on the next request (403 naming the model)', async () => {
    const k = await generate({ team_id: 'team-b' });
    expect((await chat(B, k.key, 'mock-other')).status).toBe(200);
    expect((await call(A, 'POST', '/key/update', M, { key: k.key_id, models: ['mock-model'] })).status).toBe(200);
    const r = await chat(B, k.key, 'mock-other');
    expect(r.status).toBe(403);
    expect(r.body.error.message).toContain('mock-other');
  });

  it('inherits the team and never widens it', async () => {
    const k = await generate({ team_id: 'team-a' });
    expect(k.models).toEqual([]);
    expect((await chat(B, k.key, 'mock-other')).status).toBe(403); // team-a has mock-model only
    const wider = await call(A, 'POST', '/key/generate', M, { team_id: 'team-a', models: ['mock-other'] });
    expect(wider.status).toBe(403);
    expect(wider.body.error.message).toContain('mock-other');
    const more = await call(A, 'POST', '/key/generate', M, { team_id: 'team-a', rpm_limit: 5000 });
    expect(more.status).toBe(403);
    expect(more.body.error.param).toBe('rpm_limit');
  });

  it('a blocked team refuses its keys at once; unblocking restores them', async () => {
    await call(A, 'POST', '/team/new', M, { team_id: 'team-block' });
    const k = await generate({ team_id: 'team-block' });
    expect((await chat(B, k.key)).status).toBe(200);
    expect((await call(A, 'POST', '/team/update', M, { team_id: 'team-block', blocked: true })).status).toBe(200);
    expect((await chat(B, k.key)).status).toBe(401);
    await call(A, 'POST', '/team/update', M, { team_id: 'team-block', blocked: false });
    expect((await chat(B, k.key)).status).toBe(200);
  });
});

describe('roles', () => {
  it('team_admin manages its own team only and cannot grant itself more', async () => {
    const admin = await generate({ team_id: 'team-a', role: 'team_admin' });
    const own = await call(B, 'POST', '/key/generate', admin.key, { key_alias: 'by-team-admin' });
    expect(own.status).toBe(200);
    expect(own.body.team_id).toBe('team-a');
    const other = await call(B, 'POST', '/key/generate', admin.key, { team_id: 'team-b' });
    expect(other.status).toBe(403);
    expect(other.body.error.type).toBe('permission_error');
    expect((await call(B, 'POST', '/key/generate', admin.key, { role: 'proxy_admin' })).status).toBe(403);
    expect((await call(B, 'POST', '/key/generate', admin.key, { models: ['mock-other'] })).status).toBe(403);
    expect((await call(B, 'POST', '/team/new', admin.key, { team_id: 'mine' })).status).toBe(403);
    expect((await call(B, 'POST', '/team/update', admin.key, { team_id: 'team-a', rpm_limit: 99999 })).status).toBe(403);
    const bKey = await generate({ team_id: 'team-b' });
    const touch = await call(B, 'POST', '/key/delete', admin.key, { keys: [bKey.key_id] });
    expect(touch.status).toBe(403);
    expect(touch.body.error.message).toContain('own team');
    const list = await call(B, 'GET', '/key/list?return_full_object=true', admin.key);
    expect(list.body.keys.every((k: { team_id: string }) => k.team_id === 'team-a')).toBe(true);
  });

  it('viewer reads everything and changes nothing; internal_user reads only its own key', async () => {
    const viewer = await generate({ role: 'viewer' });
    expect((await call(A, 'GET', '/key/list', viewer.key)).status).toBe(200);
    expect((await call(A, 'GET', '/team/list', viewer.key)).status).toBe(200);
    expect((await call(A, 'POST', '/key/generate', viewer.key, {})).status).toBe(403);
    const user = await generate({ team_id: 'team-a' });
    const mine = await call(A, 'GET', '/key/info', user.key);
    expect(mine.status).toBe(200);
    expect(mine.body.key).toBe(user.key_id);
    expect((await call(A, 'GET', `/key/info?key=${viewer.key_id}`, user.key)).status).toBe(403);
    expect((await call(A, 'POST', '/key/generate', user.key, {})).status).toBe(403);
    expect((await call(A, 'GET', '/team/info?team_id=team-b', user.key)).status).toBe(403);
  });
});

describe('bad input and attacks', () => {
  it('401 for unknown, malformed, a shared-prefix neighbour, and a stored digest presented as a key', async () => {
    const k = await generate({ team_id: 'team-a' });
    for (const bad of ['sk-gh-unknown', 'x', `${k.key.slice(0, -1)}${k.key.endsWith('A') ? 'B' : 'A'}`, `${k.key}x`, sha(k.key), 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.']) {
      const r = await chat(B, bad);
      expect(r.status).toBe(401);
      expect(r.body.error.type).toBe('authentication_error');
    }
    expect((await chat(B, k.key)).status).toBe(200);
  });

  it('validates every admin body with zod: 400 in the OpenAI shape naming the field', async () => {
    const unknown = await call(A, 'POST', '/key/generate', M, { permissions: { admin: true } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('permissions');
    const typed = await call(A, 'POST', '/key/generate', M, { rpm_limit: 'lots' });
    expect(typed.status).toBe(400);
    expect((await call(A, 'POST', '/key/generate', M, { duration: "1d; DROP TABLE keys" })).status).toBe(400);
    expect((await call(A, 'POST', '/key/generate', M, { team_id: 'no-such-team' })).status).toBe(404);
  });
});

describe('state from events', () => {
  it('GH_IDENTITY holds every change with its actor, digests but never a key', async () => {
    const k = await generate({ team_id: 'team-a', key_alias: 'evented' });
    const events = [];
    for await (const e of readStream(nc, 'GH_IDENTITY', { from: { first: true } })) events.push(e);
    const text = JSON.stringify(events.map((e) => e.data));
    expect(text).not.toMatch(/sk-gh-/);
    const issued = events.find((e) => (e.data as { key_id?: string }).key_id === k.key_id)!;
    expect(issued.subject).toBe('gh.evt.key.issued.v1');
    expect(issued.data).toMatchObject({ key_sha256: sha(k.key), actor: { key_id: 'master', role: 'proxy_admin' } });
  });

  it('a fresh identity replica rebuilds keys and teams from the stream', async () => {
    const k = await generate({ team_id: 'team-a' });
    const gone = await generate({ team_id: 'team-a' });
    await call(A, 'POST', '/key/delete', M, { keys: [gone.key_id] });
    for (const s of gw.services.identity.splice(0)) await s.close();
    gw.services.identity.push(await startIdentity({ natsUrl: nats.url, config: gw.config }));
    expect((await chat(A, k.key)).status).toBe(200);
    expect((await chat(A, gone.key)).status).toBe(401);
    expect((await call(A, 'GET', '/team/info?team_id=team-a', M)).body.team_info.models).toEqual(['mock-model']);
  });
});
