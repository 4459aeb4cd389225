/**
 * Guard benchmark (issue #8, docs/adr/0008):
 *  1. inbound scan of an ~8k-token prompt with the built-in engine (every detector, obfuscation
 *     variants, the injection classifier), in-process: wall-clock and CPU time per scan, p50 /
 *     p99; and what the classifier costs (the scan without it, the classifier alone);
 *  2. the same as a `gh.rpc.guard.scan.v2` round trip to a guard over a real nats-server;
 *  3. streaming output scan: what ingress adds before the first content chunk reaches the client
 *     (parse, egress scan with hold-back, restore of masked values, re-serialize), p50 / p99.
 *
 *   npm run build && node dist/bench/src/guard.js          (GUARD_BENCH_N=2000 by default)
 */
import { connect } from '@nats-io/transport-node';
import { GuardScanV2 } from '@gatehouse/contracts';
import { parseConfig } from '@gatehouse/config';
import { BuiltInDetectors, GuardSettings, injectionClassifier, MaskVault, promptInjectionRules, resolvePolicy, scanUnits, type ScanUnit } from '@gatehouse/detectors';
import { RpcClient } from '@gatehouse/nats';
import { startNatsServer } from '@gatehouse/testing';
import { countText } from '@gatehouse/tokenize';
import { OutputGuard } from '../../services/ingress/src/guard/output-guard';
import { startGuard } from '../../services/guard/src/main';
import { quantile } from './stats';

const N = Number(process.env.GUARD_BENCH_N ?? 2_000);

/** A realistic long prompt: prose, code, numbers, a quoted email, a little PII. */
function prompt8k(): string {
  const parts = [
    'The quarterly report covers revenue of 4,210,000 USD across 12 regions; margins improved by 3.5% after the 2024-05-01 launch. ',
    'function total(items) {\n  return items.reduce((sum, i) => sum + i.price * i.qty, 0); // prices in cents\n}\n',
    '> On Tue, Anna wrote:\n> Please send the signed contract to legal before Friday; the meeting moved to 3pm.\n',
    'Customer notes: called about order 88231, asked to update the shipping address and the invoice email. ',
    'Summary of the design review: we discussed caching, retries with exponential backoff, and the new alerting thresholds. ',
  ];
  let text = '';
  for (let i = 0; countText(text) < 8_000; i++) text += parts[i % parts.length];
  return `${text}\nContact jane.doe@example.com or +44 20 7946 0958.`;
}

function stats(samples: number[]): { p50: number; p99: number } {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: quantile(s, 0.5), p99: quantile(s, 0.99) };
}

function timeIt(n: number, f: () => void): { wall: number[]; cpu: number[] } {
  for (let i = 0; i < Math.min(200, n); i++) f();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < n; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    f();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wall, cpu };
}

async function main(): Promise<void> {
  const text = prompt8k();
  const units: ScanUnit[] = [{ role: 'system', origin: 'system', text: 'You are a helpful assistant for ACME support.' }, { role: 'user', origin: 'user', text }];
  const rows: string[] = [];
  const row = (what: string, s: { p50: number; p99: number }, target: string) => rows.push(`| ${what} | ${s.p50.toFixed(3)} | ${s.p99.toFixed(3)} | ${target} |`);

  const inbound = timeIt(N, () => scanUnits(units, BuiltInDetectors));
  row(`inbound scan, ${countText(text)} tokens, in-process (wall)`, stats(inbound.wall), '≤ 2 ms p99');
  row('inbound scan, same, CPU time', stats(inbound.cpu), '');
  // What the built-in classifier costs: the same scan with prompt_injection's rules alone, and the classifier alone.
  const rulesOnly = BuiltInDetectors.map((d) => (d.name === 'prompt_injection' ? promptInjectionRules : d));
  row('inbound scan, same, rules only (no classifier), CPU time', stats(timeIt(N, () => scanUnits(units, rulesOnly)).cpu), '');
  row(`injection classifier ${injectionClassifier.version} alone on the same text, CPU time`, stats(timeIt(N, () => injectionClassifier.detect(text, { origin: 'user' })).cpu), '');

  const nats = await startNatsServer();
  const config = parseConfig('model_list: []\n', 'bench');
  const guard = await startGuard({ natsUrl: nats.url, config });
  const nc = await connect({ servers: nats.url, noAsyncTraces: true });
  const rpc = new RpcClient(nc);
  try {
    const rtt: number[] = [];
    for (let i = 0; i < Math.min(N, 1_000) + 100; i++) {
      const t0 = performance.now();
      await rpc.request(GuardScanV2, { request_id: `r${i}`, team_id: null, units, scorers: [] }, undefined, 5_000);
      if (i >= 100) rtt.push(performance.now() - t0);
    }
    row('inbound scan as gh.rpc.guard.scan.v2 over NATS (round trip)', stats(rtt), 'runs ∥ quota and cache');
  } finally {
    await nc.close();
    await guard.close();
    await nats.stop();
  }

  const policy = resolvePolicy(GuardSettings.parse({}), null, 500);
  const first = Buffer.from(JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: { role: 'assistant', content: 'Hello' }, finish_reason: null }] }));
  const passthrough = timeIt(N * 5, () => new OutputGuard({ ...policy, enabled: false }, new MaskVault(), () => undefined).chunk(first));
  const vault = new MaskVault();
  vault.tokenFor('EMAIL', 'jane.doe@example.com');
  const scanned = timeIt(N * 5, () => new OutputGuard(policy, vault, () => undefined).chunk(first));
  const p = stats(passthrough.wall);
  const s = stats(scanned.wall);
  row('first chunk, guard idle (bytes passed through)', p, '');
  row('first chunk, outbound scan + restore', s, '');
  rows.push(`| **TTFT overhead of output scanning** | ${(s.p50 - p.p50).toFixed(3)} | ${(s.p99 - p.p99).toFixed(3)} | ≤ 1 ms |`);

  console.log(`Guard benchmark (N=${N}; node ${process.version}; ${new Date().toISOString()})\n`);
  console.log('| measure | p50 ms | p99 ms | target |\n| --- | ---: | ---: | --- |');
  console.log(rows.join('\n'));
  console.log('\ncommand: npm run build && node dist/bench/src/guard.js');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
