import OpenAI from 'openai';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { pingAll } from '@gatehouse/nats';
import { createTestDatabase, type TestDatabase, waitFor } from '@gatehouse/testing';
import { type LaunchedGateway, launchGateway } from '../support/launched-gateway';
import { TEST_KEY, testConfig } from '../support/in-process-gateway';

/**
 * A rolling restart under load drops no request: with two replicas of every service, each replica
 * in turn gets SIGTERM (it leaves its queue group, finishes what it holds, exits) and the launcher
 * starts a new one, while clients keep calling. Quota replicas own partitions: a stopping one
 * hands each over to a live successor before it stops receiving it, and the new replica takes its
 * share from the others the same way (docs/adr/0005). Both ingress replicas are cluster workers of
 * the launcher on one port; a draining one stops taking connections, answers what still arrives on
 * its keep-alive sockets with `connection: close` and finishes what it holds, so the clients — one
 * base URL, keep-alive, no retries — reconnect to the other (docs/adr/0009).
 */
let db: TestDatabase;
let gw: LaunchedGateway;
let nc: NatsConnection;

beforeAll(async () => {
  db = await createTestDatabase('gh_rolling');
  gw = await launchGateway({
    configYaml: testConfig('  - { model_name: mock-model, litellm_params: { model: mock/mock-model } }'),
    databaseUrl: db.url,
    replicas: { identity: 2, quota: 2, guard: 2, cache: 2, router: 2, ingress: 2 },
  });
  nc = await connect({ servers: gw.natsUrl });
}, 90_000);

afterAll(async () => {
  await nc?.close();
  await gw?.stop();
  await db?.drop();
}, 60_000);

it('drops no request while every service is restarted, one replica at a time, ingress included', async () => {
  const client = new OpenAI({ baseURL: `http://127.0.0.1:${gw.port}/v1`, apiKey: TEST_KEY, maxRetries: 0, timeout: 20_000 });
  let ok = 0;
  const failures: string[] = [];
  let running = true;
  const worker = async (w: number) => {
    for (let i = 0; running; i++) {
      try {
        const r = await client.chat.completions.create({ model: 'mock-model', messages: [{ role: 'user', content: `w${w} #${i}` }] });
        if (r.choices[0].message.content?.includes(`w${w} #${i}`)) ok++;
        else failures.push(`w${w} #${i}: wrong answer`);
      } catch (err) {
        failures.push(`w${w} #${i}: ${(err as Error).message}`);
      }
    }
  };
  // One replica of each stateless service; both quota replicas, one after the other, so every
  // partition moves (away from each leaving replica, and a share to each new one); both ingress
  // workers, one after the other, so every client connection moves.
  const steps: [string, number][] = [
    ...['router', 'guard', 'cache', 'identity'].map((s): [string, number] => [s, gw.pids(s)[0]]),
    ...gw.pids('quota').map((pid): [string, number] => ['quota', pid]),
    ...gw.pids('ingress').map((pid): [string, number] => ['ingress', pid]),
  ];
  expect(steps).toHaveLength(8);
  // Ingress answers no ping (it is the caller): its ready line, relayed by the launcher, says it listens.
  const allReady = async (service: string) => {
    if (service === 'ingress') {
      const now = gw.pids(service);
      return now.length === 2 && now.every((pid) => gw.reportedReady(service, pid));
    }
    const replies = (await pingAll(nc))[service as keyof Awaited<ReturnType<typeof pingAll>>];
    return replies.length === 2 && replies.every((r) => r.ready);
  };
  const load = Promise.all([0, 1, 2, 3].map(worker));
  try {
    for (const [service, victim] of steps) {
      process.kill(victim, 'SIGTERM');
      await waitFor(() => {
        const now = gw.pids(service); // one look: two could straddle the victim's exit
        return now.length === 2 && !now.includes(victim);
      }, `${service} to be replaced`, 30_000);
      // As an orchestrator does: the next replica goes only once the new one reports ready.
      await waitFor(() => allReady(service), `the new ${service} replica to be ready`, 30_000);
    }
  } finally {
    running = false; // also when a step failed: the workers must not spin on
    await load;
  }
  if (failures.length) process.stderr.write(`launcher output (tail):\n${gw.output().slice(-6000)}\n`);
  expect(failures).toEqual([]);
  expect(ok).toBeGreaterThan(50);
}, 180_000);
