import { Controller, Module } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { z } from 'zod';
import { defineRpc, GatehouseError, type RpcRequest, type RpcResponse, Services } from '@gatehouse/contracts';
import { type NatsServerHandle, startNatsServer } from '@gatehouse/testing';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { type RunningService, startRpcService } from './bootstrap';
import { RpcClient } from './rpc-client';
import { type Handles, RpcHandler } from './rpc-server';
import { pingAll } from './ping';

/** The NATS transport with a real nats-server: validation, typed errors, timeouts, queue groups. */
/** A contract of this test only (not in the registry): the shape of a rate-limit admission. */
const FakeAdmitV1 = defineRpc({
  service: Services.quota,
  op: 'fake_admit',
  version: 1,
  description: 'Test-only admission.',
  timeoutMs: 1_000,
  request: z.object({ request_id: z.string(), key_id: z.string(), team_id: z.string().nullable(), model: z.string(), rpm_limit: z.number().int().positive().nullable() }),
  response: z.object({ admitted: z.literal(true), rate_limit: z.object({ limit_requests: z.number().int().nullable(), remaining_requests: z.number().int().nullable(), reset_requests_s: z.number().nullable() }) }),
  example: {
    request: { request_id: 'r', key_id: 'k', team_id: null, model: 'm', rpm_limit: 1 },
    response: { admitted: true, rate_limit: { limit_requests: 1, remaining_requests: 0, reset_requests_s: 60 } },
  },
});
const served: number[] = [];

function handlerFor(instance: number) {
  @Controller()
  class FakeAdmit implements Handles<typeof FakeAdmitV1> {
    @RpcHandler(FakeAdmitV1)
    async handle(@Payload() req: RpcRequest<typeof FakeAdmitV1>): Promise<RpcResponse<typeof FakeAdmitV1>> {
      served.push(instance);
      if (req.model === 'refuse') throw new GatehouseError('rate_limit_exceeded', 'slow down', { retryAfter: 7, headers: { 'x-ratelimit-limit-requests': '1' } });
      if (req.model === 'bug') throw new Error('secret internals');
      if (req.model === 'slow') await new Promise((r) => setTimeout(r, 500));
      return { admitted: true, rate_limit: { limit_requests: 1, remaining_requests: 0, reset_requests_s: 60 } };
    }
  }
  @Module({ controllers: [FakeAdmit] })
  class FakeQuotaModule {}
  return FakeQuotaModule;
}

let server: NatsServerHandle;
let nc: NatsConnection;
let rpc: RpcClient;
const services: RunningService[] = [];
const req = (model: string) => ({ request_id: 'r', key_id: 'k', team_id: null, model, rpm_limit: 1 });

beforeAll(async () => {
  server = await startNatsServer();
  nc = await connect({ servers: server.url });
  rpc = new RpcClient(nc);
  for (const i of [0, 1]) {
    services.push(await startRpcService({ service: 'quota', contracts: [FakeAdmitV1], module: () => handlerFor(i), natsUrl: server.url, logger: false }));
  }
});

afterAll(async () => {
  for (const s of services) await s.close();
  await nc.close();
  await server.stop();
});

it('answers a valid request', async () => {
  await expect(rpc.request(FakeAdmitV1, req('ok'))).resolves.toMatchObject({ admitted: true });
});

it('refuses an invalid payload with invalid_request', async () => {
  const err = await rpc.request(FakeAdmitV1, { nope: true } as never).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(GatehouseError);
  expect((err as GatehouseError).code).toBe('invalid_request');
});

it("carries a handler's typed error with its details", async () => {
  const err = (await rpc.request(FakeAdmitV1, req('refuse')).catch((e: unknown) => e)) as GatehouseError;
  expect(err.code).toBe('rate_limit_exceeded');
  expect(err.details).toMatchObject({ retryAfter: 7, headers: { 'x-ratelimit-limit-requests': '1' } });
});

it('turns an unexpected exception into internal_error without its message', async () => {
  const err = (await rpc.request(FakeAdmitV1, req('bug')).catch((e: unknown) => e)) as GatehouseError;
  expect(err.code).toBe('internal_error');
  expect(err.message).not.toContain('secret');
});

it('is service_unavailable when the reply is late', async () => {
  const err = (await rpc.request(FakeAdmitV1, req('slow'), undefined, 100).catch((e: unknown) => e)) as GatehouseError;
  expect(err.code).toBe('service_unavailable');
  expect(err.message).toContain('no answer within 100 ms');
});

it('spreads requests over the queue group', async () => {
  served.length = 0;
  await Promise.all(Array.from({ length: 40 }, () => rpc.request(FakeAdmitV1, req('ok'))));
  expect(new Set(served)).toEqual(new Set([0, 1]));
});

it('is service_unavailable at once when no instance runs', async () => {
  const err = (await rpc.request({ ...FakeAdmitV1, subject: 'gh.rpc.quota.nobody.v1' }, req('ok')).catch((e: unknown) => e)) as GatehouseError;
  expect(err.code).toBe('service_unavailable');
  expect(err.message).toContain('no instance is running');
});

it('counts every live replica through ping, outside the queue group', async () => {
  const all = await pingAll(nc);
  expect(all.quota).toHaveLength(2);
  expect(new Set(all.quota.map((p) => p.instance)).size).toBe(2);
  expect(all.quota.every((p) => p.ready && p.service === 'quota')).toBe(true);
  expect(all.router).toEqual([]);
});

it('changes the log level of every replica at run time', async () => {
  const { createLogger } = await import('@gatehouse/telemetry');
  const probe = createLogger('probe', 'info');
  const replies: { service: string; level?: string; error?: string }[] = [];
  for await (const m of await nc.requestMany('gh.ctl.log_level.quota', new TextEncoder().encode('{"level":"debug"}'), { strategy: 'stall', maxWait: 500, stall: 50 })) {
    replies.push(JSON.parse(new TextDecoder().decode(m.data)));
  }
  expect(replies).toHaveLength(2);
  expect(replies.every((r) => r.service === 'quota' && r.level === 'debug')).toBe(true);
  expect(probe.level).toBe('debug');
  const bad = await nc.request('gh.ctl.log_level.quota', new TextEncoder().encode('{"level":"loud"}'), { timeout: 1000 });
  expect(JSON.parse(new TextDecoder().decode(bad.data)).error).toContain('level must be one of');
});
