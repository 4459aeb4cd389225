/**
 * What quota's own state costs the garbage collector (docs/adr/0005, "Profiled"): admissions over
 * 1,000 keys (rpm, tpm and a budget far from its limit) at 1,500 RPS on a simulated clock, each
 * settled by its request event 300 requests later, in this process without NATS, so the figures
 * are the decision path's alone and do not depend on how busy the machine is. A child runs the
 * load under `--trace-gc-nvp`; this process sums V8's own scavenge lines (bytes allocated, that
 * survived a scavenge, that were promoted to the old generation) over the measured part, after a
 * warm-up longer than the rate window.
 *
 *   npm run build && node dist/bench/src/quota-gc.js      (QUOTA_GC_KEYS=1000, QUOTA_GC_REQUESTS=150000)
 */
import { spawnSync } from 'node:child_process';
import type { ScopeLimits } from '@gatehouse/contracts';
import type { BudgetProjection } from '../../services/quota/src/budget/budget-projection';
import { ScopeBook } from '../../services/quota/src/budget/scope-book';
import type { BudgetWriter } from '../../services/quota/src/events/budget-writer';
import { AdmissionService } from '../../services/quota/src/limits/admission.service';

const KEYS = Number(process.env.QUOTA_GC_KEYS ?? 1000);
const REQUESTS = Number(process.env.QUOTA_GC_REQUESTS ?? 150_000);
const RPS = 1500;
const WARM_UP = RPS * 80; // past the 60 s window: every window is full
const SETTLE_LAG = 300;
const T0 = Date.UTC(2026, 11, 5, 6);

/** The load, in the child: returns when (performance.now()) the measured part started and ended. */
async function load(): Promise<{ fromMs: number; toMs: number }> {
  let now = T0;
  const book = new ScopeBook();
  const projection = { book } as unknown as BudgetProjection; // the followers are never needed far from a limit
  const admission = new AdmissionService(projection, null as unknown as BudgetWriter, { instanceId: 'gc', headroomFraction: 0.05, reservationTtlMs: 900_000, now: () => now });
  const limits: ScopeLimits = { rpm: 1_000_000, tpm: 1_000_000_000, max_parallel: null, max_budget_usd: 1_000_000, budget_duration: 'monthly' };
  const scopes = Array.from({ length: KEYS }, (_, i) => ({ id: `key:bench-${i}`, kind: 'key' as const, label: `key bench-${i}`, limits }));
  const running: { id: string; key: number; at: number }[] = [];
  // One call per request, as the service handles one message per turn: a single long async loop
  // keeps more of each iteration alive across scavenges and promotes several times as much.
  const step = async (n: number) => {
    now = T0 + Math.floor((n * 1000) / RPS);
    const key = n % KEYS;
    await admission.admit({ request_id: `r${n}`, partition: 0, scopes: [scopes[key]], estimate: { tokens: 300, cost_usd: 0.0001 } });
    running.push({ id: `r${n}`, key, at: now });
    if (running.length > SETTLE_LAG) {
      const r = running.shift()!;
      book.applyRequest(
        { request_id: r.id, occurred_at: new Date(r.at).toISOString(), key_id: `bench-${r.key}`, team_id: null, end_user: null, model: null, project: null, usage: { total_tokens: 300 }, cost: { usd: 0.0001 } },
        now,
      );
    }
    if (n % RPS === 0) book.prune(now); // the engine's sweep, once a (simulated) second
  };
  for (let n = 0; n < WARM_UP; n++) await step(n);
  const fromMs = performance.now();
  for (let n = WARM_UP; n < WARM_UP + REQUESTS; n++) await step(n);
  return { fromMs, toMs: performance.now() };
}

/** Pure: sums of the scavenge (`gc=s`) and mark-compact lines of `--trace-gc-nvp` between two times (ms since start). */
export function sumNvp(lines: readonly string[], fromMs: number, toMs: number) {
  const out = { scavenges: 0, scavengeMs: 0, allocatedMB: 0, survivedMB: 0, promotedMB: 0, markCompacts: 0, markCompactMs: 0 };
  const field = (l: string, k: string) => Number(new RegExp(`\\b${k}=([\\d.]+)`).exec(l)?.[1] ?? 0);
  for (const l of lines) {
    const at = Number(/\]\s+(\d+) ms:/.exec(l)?.[1] ?? NaN);
    if (!(at >= fromMs && at <= toMs)) continue;
    if (/\bgc=s\b/.test(l)) {
      out.scavenges++;
      out.scavengeMs += field(l, 'pause');
      out.allocatedMB += field(l, 'allocated') / 2 ** 20;
      out.survivedMB += field(l, 'new_space_survived') / 2 ** 20;
      out.promotedMB += field(l, 'promoted') / 2 ** 20;
    } else if (/\bgc=(mc|mmc)\b/.test(l)) {
      out.markCompacts++;
      out.markCompactMs += field(l, 'pause');
    }
  }
  return out;
}

async function main(): Promise<void> {
  if (process.argv[2] === 'child') {
    console.log(`RANGE ${JSON.stringify(await load())}`);
    return;
  }
  const child = spawnSync(process.execPath, ['--trace-gc-nvp', __filename, 'child'], { env: process.env, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (child.status !== 0) throw new Error(`quota-gc child failed: ${child.stderr}`);
  const lines = child.stdout.split('\n');
  const range = JSON.parse(lines.find((l) => l.startsWith('RANGE '))!.slice(6)) as { fromMs: number; toMs: number };
  const s = sumNvp(lines, range.fromMs, range.toMs);
  const per10k = (v: number) => ((v * 10_000) / REQUESTS).toFixed(2);
  console.log(`\nquota decision path and settlement, GC (${REQUESTS} admissions over ${KEYS} keys, ${RPS} RPS simulated, after ${WARM_UP} of warm-up; V8 --trace-gc-nvp)\n`);
  console.log('| per 10k decisions | scavenges | scavenge ms | allocated MB | survived MB | promoted MB | mark-compacts |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  console.log(`| | ${per10k(s.scavenges)} | ${per10k(s.scavengeMs)} | ${per10k(s.allocatedMB)} | ${per10k(s.survivedMB)} | ${per10k(s.promotedMB)} | ${per10k(s.markCompacts)} |`);
  console.log(`\nwall ${((range.toMs - range.fromMs) / 1000).toFixed(1)} s; command: npm run build && node dist/bench/src/quota-gc.js`);
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
