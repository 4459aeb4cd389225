import fs from 'node:fs';
import { createHash } from 'node:crypto';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { readStream } from '@gatehouse/nats';
import { type NatsServerHandle, startNatsServer, waitFor } from '@gatehouse/testing';
import { type InProcessGateway, startInProcessGateway, TEST_MASTER_KEY, testConfig } from '../support/in-process-gateway';
import { call, chat, startIssuer, type TestIssuer, unsignedToken } from './identity-helpers';

/**
 * SSO bearer tokens validated by identity against a JWKS (jose), group → team/role mapping, the
 * subject on request events, and no key, digest or token in any log line, event or HTTP body.
 */
let nats: NatsServerHandle;
let gw: InProcessGateway;
let nc: NatsConnection;
let idp: TestIssuer;
let base: string;
const logs: string[] = [];
const secrets: string[] = [];
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

beforeAll(async () => {
  // pino writes to fd 1 with fs.write(Sync); Nest's logger through process.stdout.
  const capture = (chunk: unknown) => logs.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString());
  const wsync = fs.writeSync.bind(fs);
  jest.spyOn(fs, 'writeSync').mockImplementation(((fd: number, data: unknown, ...rest: unknown[]) => {
    if (fd === 1 || fd === 2) capture(data);
    return (wsync as (...a: unknown[]) => number)(fd, data, ...rest);
  }) as typeof fs.writeSync);
  const write = fs.write.bind(fs);
  jest.spyOn(fs, 'write').mockImplementation(((fd: number, data: unknown, ...rest: unknown[]) => {
    if (fd === 1 || fd === 2) capture(data);
    return (write as (...a: unknown[]) => void)(fd, data, ...rest);
  }) as typeof fs.write);
  const out = process.stdout.write.bind(process.stdout);
  jest.spyOn(process.stdout, 'write').mockImplementation(((c: unknown, ...rest: unknown[]) => (capture(c), (out as (...a: unknown[]) => boolean)(c, ...rest))) as typeof process.stdout.write);
  process.env.LOG_LEVEL = 'debug';

  nats = await startNatsServer();
  idp = await startIssuer('gatehouse');
  const sso = `  sso:
    issuer: ${idp.url}
    audience: gatehouse
    jwks_uri: ${idp.jwksUri}
    group_teams: { eng: team-eng }
    group_roles: { admins: proxy_admin, auditors: viewer }`;
  gw = await startInProcessGateway({ natsUrl: nats.url, configYaml: testConfig('  - { model_name: mock-model, litellm_params: { model: mock/mock-model } }', sso), ingressReplicas: 1, routerReplicas: 1 });
  base = gw.urls[0];
  nc = await connect({ servers: nats.url });
  await call(base, 'POST', '/team/new', TEST_MASTER_KEY, { team_id: 'team-eng', models: ['mock-model'] });
}, 60_000);

afterAll(async () => {
  delete process.env.LOG_LEVEL;
  jest.restoreAllMocks();
  await nc?.close();
  await gw?.close();
  await idp?.close();
  await nats?.stop();
});

describe('SSO bearer tokens', () => {
  it('a valid token of a mapped group calls models as its team, and the subject is on the request event', async () => {
    const token = await idp.sign({ sub: 'alice', email: 'alice@example.com', groups: ['eng'] });
    secrets.push(token);
    const res = await fetch(`${base}/v1/chat/completions`, {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'mock-model', messages: [{ role: 'user', content: 'sso' }] }),
    });
    expect(res.status).toBe(200);
    const id = res.headers.get('x-request-id')!;
    const event = await waitFor(async () => {
      for await (const e of readStream(nc, 'GH_REQUEST', { from: { first: true } })) if ((e.data as { request_id: string }).request_id === id) return e.data;
      return null;
    }, 'the request event');
    expect(event).toMatchObject({ key_id: 'sso:alice', sso_subject: 'alice', team_id: 'team-eng' });
  });

  it('maps an admin group to proxy_admin: the admin API works with the token', async () => {
    const admin = await idp.sign({ sub: 'root-bob', groups: ['admins'] });
    secrets.push(admin);
    const k = await call(base, 'POST', '/key/generate', admin, { team_id: 'team-eng' });
    expect(k.status).toBe(200);
    secrets.push(k.body.key, sha(k.body.key));
    expect((await chat(base, k.body.key)).status).toBe(200);
    const viewer = await idp.sign({ sub: 'carol', groups: ['auditors'] });
    expect((await call(base, 'GET', '/key/list', viewer)).status).toBe(200);
    expect((await call(base, 'POST', '/key/generate', viewer, {})).status).toBe(403);
  });

  it.each([
    ['forged (signed by a key the issuer never published)', { forge: true }],
    ['expired', { expiresIn: Math.floor(Date.now() / 1000) - 3600 }],
    ['for another audience', { audience: 'someone-else' }],
    ['not yet valid (nbf)', { notBefore: Math.floor(Date.now() / 1000) + 3600 }],
  ])('401 for a token %s', async (_what, opts) => {
    const token = await idp.sign({ sub: 'mallory', groups: ['admins'] }, opts);
    const r = await call(base, 'GET', '/key/list', token);
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('invalid_api_key');
    expect(r.text).not.toContain(token);
  });

  it('401 for alg:none and a tampered payload', async () => {
    expect((await call(base, 'GET', '/key/list', unsignedToken({ iss: idp.url, aud: 'gatehouse', sub: 'mallory', groups: ['admins'] }))).status).toBe(401);
    const good = await idp.sign({ sub: 'dave', groups: [] });
    const [h, , s] = good.split('.');
    const evil = Buffer.from(JSON.stringify({ iss: idp.url, aud: 'gatehouse', sub: 'dave', groups: ['admins'], exp: 9999999999 })).toString('base64url');
    expect((await call(base, 'GET', '/key/list', `${h}.${evil}.${s}`)).status).toBe(401);
  });
});

describe('secrets stay secret', () => {
  it('no key, digest or token in any log line, identity event or error body', async () => {
    const k = await call(base, 'POST', '/key/generate', TEST_MASTER_KEY, { team_id: 'team-eng' });
    const key = k.body.key as string;
    secrets.push(key, sha(key), TEST_MASTER_KEY, sha(TEST_MASTER_KEY));
    await chat(base, key);
    const rotated = await call(base, 'POST', '/key/regenerate', TEST_MASTER_KEY, { key });
    secrets.push(rotated.body.key, sha(rotated.body.key));
    const refused = await chat(base, key);
    expect(refused.status).toBe(401);
    for (const body of [refused.text, (await call(base, 'GET', `/key/info?key=${key}`, TEST_MASTER_KEY)).text]) {
      for (const s of secrets) expect(body).not.toContain(s);
    }
    const events: string[] = [];
    for await (const e of readStream(nc, 'GH_IDENTITY', { from: { first: true } })) events.push(JSON.stringify(e.data));
    for await (const e of readStream(nc, 'GH_REQUEST', { from: { first: true } })) events.push(JSON.stringify(e.data));
    const digestsAllowed = events.join('\n').replace(/"key_sha256":"[0-9a-f]{64}"/g, '');
    for (const s of secrets) expect(digestsAllowed).not.toContain(s);
    expect(logs.join("")).toContain("\"service\":\"ingress\""); // the capture sees pino's lines
    const all = logs.join('');
    for (const s of secrets) expect(all).not.toContain(s);
  });
});
