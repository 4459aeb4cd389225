import OpenAI from 'openai';
import { createTestDatabase, type TestDatabase, waitFor } from '@gatehouse/testing';
import { type LaunchedGateway, launchGateway } from '../support/launched-gateway';
import { TEST_KEY, testConfig } from '../support/in-process-gateway';

/**
 * A rolling restart under load drops no request: with two replicas of every service behind
 * ingress, each replica in turn gets SIGTERM (it leaves its queue group, finishes what it holds,
 * exits) and the launcher starts a new one, while clients keep calling.
 */
let db: TestDatabase;
let gw: LaunchedGateway;

beforeAll(async () => {
  db = await createTestDatabase('gh_rolling');
  gw = await launchGateway({
    configYaml: testConfig('  - { model_name: mock-model, litellm_params: { model: mock/mock-model } }'),
    databaseUrl: db.url,
    replicas: { identity: 2, quota: 2, guard: 2, cache: 2, router: 2, ingress: 1 },
  });
}, 90_000);

afterAll(async () => {
  await gw?.stop();
  await db?.drop();
}, 60_000);

it('drops no request while each stateless service is restarted, one replica at a time', async () => {
  const client = new OpenAI({ baseURL: `http://127.0.0.1:${gw.ports[0]}/v1`, apiKey: TEST_KEY, maxRetries: 0, timeout: 20_000 });
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
  const load = Promise.all([0, 1, 2, 3].map(worker));
  // Quota is not in the list: a quota replica that stops hands its partitions over only on the
  // successor's next lease tick, and a request in that gap can get a 503 (open in issue #5/#10).
  for (const service of ['router', 'guard', 'cache', 'identity']) {
    const [victim] = gw.pids(service);
    process.kill(victim, 'SIGTERM');
    await waitFor(() => gw.pids(service).length === 2 && !gw.pids(service).includes(victim), `${service} to be replaced`, 30_000);
    await new Promise((r) => setTimeout(r, 500)); // let the new replica join before the next one goes
  }
  running = false;
  await load;
  expect(failures).toEqual([]);
  expect(ok).toBeGreaterThan(50);
}, 180_000);
