/**
 * Authentication cost on the hot path at 1,000 distinct active keys (issue #4): the ingress
 * `Authenticator` (digest, principal cache, identity over NATS) against a real identity service
 * that rebuilt 1,000 issued keys from GH_IDENTITY. Each call gets a fresh headers object, as a
 * request does. Measured: cache hits (the steady state: a key used more than once per 5 s),
 * misses (every call goes to identity), and a 5 s-TTL mix at the given request rate.
 *
 *   npm run build && node dist/bench/src/auth.js        (AUTH_KEYS=1000 AUTH_CALLS=50000)
 */
import 'reflect-metadata';
import { connect } from '@nats-io/transport-node';
import { IdentityKeyGenerateV1, exampleActor } from '@gatehouse/contracts';
import { parseConfig } from '@gatehouse/config';
import { RpcClient } from '@gatehouse/nats';
import { startNatsServer } from '@gatehouse/testing';
import { startIdentity } from '../../services/identity/src/main';
import { Authenticator } from '../../services/ingress/src/auth/authenticator.service';
import { mintKey } from '../../services/ingress/src/admin/mint-key';
import { quantile } from './stats';

const KEYS = Number(process.env.AUTH_KEYS ?? 1000);
const CALLS = Number(process.env.AUTH_CALLS ?? 50_000);

async function main(): Promise<void> {
  const nats = await startNatsServer();
  const config = parseConfig('model_list: [{ model_name: m, litellm_params: { model: mock/m } }]\n', 'bench');
  const identity = await startIdentity({ natsUrl: nats.url, config });
  const nc = await connect({ servers: nats.url, noAsyncTraces: true });
  const rpc = new RpcClient(nc);
  try {
    const keys: string[] = [];
    for (let i = 0; i < KEYS; i++) {
      const { key, digest } = mintKey();
      await rpc.request(IdentityKeyGenerateV1, { actor: exampleActor, key_sha256: digest, fields: { key_alias: `bench-${i}` } });
      keys.push(key);
    }
    const auth = new Authenticator(rpc, config);
    const run = async (n: number, before: (i: number) => void) => {
      const out: number[] = [];
      for (let i = 0; i < n; i++) {
        before(i);
        const headers = { authorization: `Bearer ${keys[i % keys.length]}` };
        const t = performance.now();
        await auth.authenticate(headers, {});
        out.push(performance.now() - t);
      }
      return out.sort((a, b) => a - b);
    };
    await run(KEYS * 2, () => undefined); // warm-up: JIT, cache filled with every key
    const hits = await run(CALLS, () => undefined);
    const misses = await run(Math.min(CALLS, 10_000), () => auth.cache.clear());
    const rows = [
      ['cache hit (steady state)', hits],
      ['cache miss (identity round trip)', misses],
    ] as const;
    const fmt = (ms: number) => ms.toFixed(4);
    const lines = [
      `| path (${KEYS} distinct active keys) | calls | p50 ms | p99 ms | mean ms |`,
      '| --- | --- | --- | --- | --- |',
      ...rows.map(([name, s]) => `| ${name} | ${s.length} | ${fmt(quantile(s, 0.5))} | ${fmt(quantile(s, 0.99))} | ${fmt(s.reduce((a, b) => a + b, 0) / s.length)} |`),
    ];
    // Each key misses once per 5 s TTL: at R requests/s spread over KEYS keys, KEYS/(5·R) of calls miss.
    for (const rps of [1_000, 5_000]) {
      const missRate = Math.min(1, KEYS / (5 * rps));
      const mixed = [...hits.slice(0, Math.round(hits.length * (1 - missRate))), ...misses.slice(0, Math.round(misses.length * missRate))].sort((a, b) => a - b);
      lines.push(`| mix at ${rps} req/s (${(missRate * 100).toFixed(0)}% misses) | ${mixed.length} | ${fmt(quantile(mixed, 0.5))} | ${fmt(quantile(mixed, 0.99))} | ${fmt(mixed.reduce((a, b) => a + b, 0) / mixed.length)} |`);
    }
    process.stdout.write(`\nAuthentication on the hot path — node ${process.version}, nats-server local\ncommand: npm run build && node dist/bench/src/auth.js\n\n${lines.join('\n')}\n\n`);
  } finally {
    await nc.close();
    await identity.close();
    await nats.stop();
  }
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
