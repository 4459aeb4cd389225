/**
 * Ledger benchmark. Catch-up: N request.completed events are published to GH_REQUEST first, then
 * the ledger (its own process, as in production) is started and timed until every row is in
 * Postgres. Live: the caught-up ledger then gets events at a steady rate, as behind the gateway,
 * where per-batch costs dominate. Reports events/s, the ledger's CPU per 1,000 events (from /proc)
 * and how fast the whole stream reads back with `readStream` (what `audit replay` and rebuilds use).
 *
 *   npm run build && node dist/bench/src/ledger-ingest.js
 *   LEDGER_BENCH_EVENTS=50000  LEDGER_BENCH_LIVE_RATE=1000 (events/s)  LEDGER_BENCH_LIVE_SECONDS=5  (defaults)
 *   LEDGER_BENCH_PROFILE=1 also writes bench/out/profiles/ledger-ingest.cpuprofile
 */
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { Client } from 'pg';
import { jetstream } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { RequestCompletedV1, Streams } from '@gatehouse/contracts';
import { connectNats, ensureStreams, readStream } from '@gatehouse/nats';
import { createTestDatabase, startNatsServer, type TestDatabase } from '@gatehouse/testing';
import { runCli } from '../../tools/cli/src/cli';
import { cpuSeconds, type Proc, spawnNode, stopAll } from './procs';

const EVENTS = Number(process.env.LEDGER_BENCH_EVENTS ?? 50_000);
const LIVE_RATE = Number(process.env.LEDGER_BENCH_LIVE_RATE ?? 1_000);
const LIVE_SECONDS = Number(process.env.LEDGER_BENCH_LIVE_SECONDS ?? 5);
const IN_FLIGHT = 1_000; // unacknowledged publishes at a time: enough to keep NATS busy, bounded memory
const DIST = resolve(__dirname, '../..');
const STREAM = Streams.GH_REQUEST.name;

async function main(): Promise<void> {
  const nats = await startNatsServer();
  const procs: Proc[] = [];
  let db: TestDatabase | null = null;
  let nc: NatsConnection | null = null;
  try {
    db = await createTestDatabase('gh_bench_ledger');
    nc = await connectNats({ url: nats.url, name: 'bench-ledger-ingest' });
    await ensureStreams(nc);

    const pubStarted = performance.now();
    const lastSeq = await publishEvents(nc, 0, EVENTS);
    const publishS = (performance.now() - pubStarted) / 1000;

    const profile = process.env.LEDGER_BENCH_PROFILE
      ? ['--cpu-prof', '--cpu-prof-dir', join(DIST, '../bench/out/profiles'), '--cpu-prof-name=ledger-ingest.cpuprofile']
      : [];
    const env = { ...process.env, NATS_URL: nats.url, DATABASE_URL: db.url, LOG_LEVEL: 'warn' };
    const { proc } = await spawnNode('ledger', join(DIST, 'services/ledger/src/main.js'), [], env, /"ledger ready"/, profile);
    procs.push(proc);
    const pid = proc.child.pid!;
    const cpuAtReady = cpuSeconds(pid);
    const ingestStarted = performance.now();
    await untilCheckpoint(db.url, lastSeq);
    const ingestS = (performance.now() - ingestStarted) / 1000;
    const ledgerCpuS = cpuSeconds(pid) - cpuAtReady;
    const rows = await countRows(db.url);
    if (rows !== EVENTS) throw new Error(`expected ${EVENTS} audit rows, found ${rows}`);

    const liveEvents = Math.round(LIVE_RATE * LIVE_SECONDS);
    const cpuBeforeLive = cpuSeconds(pid);
    const liveLastSeq = await publishPaced(nc, EVENTS, liveEvents, LIVE_RATE);
    await untilCheckpoint(db.url, liveLastSeq);
    const liveCpuS = cpuSeconds(pid) - cpuBeforeLive;

    const replayStarted = performance.now();
    let replayed = 0;
    for await (const _ of readStream(nc, STREAM, { from: { first: true } })) replayed++;
    const replayS = (performance.now() - replayStarted) / 1000;

    // What an auditor runs: `gatehouse audit replay`, formatted, written to a sink that keeps nothing.
    const cliRates: [string, number][] = [];
    for (const format of ['jsonl', 'csv']) {
      let lines = 0;
      const sink = new Writable({ write(chunk: Buffer, _enc, done) { for (const b of chunk) if (b === 10) lines++; done(); } });
      const started = performance.now();
      const code = await runCli(['audit', 'replay', '--since', '1d', '--format', format, '--nats', nats.url], { stdout: sink, stderr: process.stderr, env: {} });
      if (code !== 0) throw new Error(`audit replay --format ${format} exited ${code}`);
      cliRates.push([format, (lines - (format === 'csv' ? 1 : 0)) / ((performance.now() - started) / 1000)]);
    }

    const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
    console.log(`\n### Ledger ingest (${fmt(EVENTS)} request.completed events, catch-up from a full stream)\n`);
    console.log('| measure | value |');
    console.log('|---|---|');
    console.log(`| publish (pipelined, msgID) | ${fmt(EVENTS / publishS)} events/s |`);
    console.log(`| ingest into audit_entries | ${fmt(EVENTS / ingestS)} events/s (${fmt(ingestS, 2)} s) |`);
    console.log(`| ledger CPU per 1,000 events, catch-up | ${fmt((ledgerCpuS * 1000) / EVENTS, 3)} s (${fmt((ledgerCpuS * 1e6) / EVENTS)} µs/event) |`);
    console.log(`| ledger CPU per 1,000 events, live at ${fmt(LIVE_RATE)}/s | ${fmt((liveCpuS * 1000) / liveEvents, 3)} s (${fmt((liveCpuS * 1e6) / liveEvents)} µs/event) |`);
    console.log(`| replay (readStream) | ${fmt(replayed / replayS)} events/s (${fmt(replayed)} read) |`);
    for (const [format, rate] of cliRates) console.log(`| \`gatehouse audit replay --format ${format}\` | ${fmt(rate)} events/s |`);
  } finally {
    await stopAll(procs);
    await nc?.drain();
    await nats.stop();
    await db?.drop();
  }
}

const template = RequestCompletedV1.schema.parse(RequestCompletedV1.example); // validated once, not per event

/** Publishes events `from`…`from+n-1`, `IN_FLIGHT` at a time, each with its request id as msgID; returns the last sequence. */
async function publishEvents(nc: NatsConnection, from: number, n: number): Promise<number> {
  const js = jetstream(nc);
  const enc = new TextEncoder();
  let lastSeq = 0;
  const inFlight = new Set<Promise<void>>();
  for (let i = from; i < from + n; i++) {
    const requestId = `req_bench_${i}`;
    const body = enc.encode(JSON.stringify({ ...template, request_id: requestId, latency_ms: 100 + (i % 900) }));
    const p = js.publish(RequestCompletedV1.subject, body, { msgID: requestId, timeout: 30_000 }).then((ack) => {
      lastSeq = Math.max(lastSeq, ack.seq);
      inFlight.delete(p);
    });
    inFlight.add(p);
    if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  return lastSeq;
}

/** Publishes `n` events at `rate` per second, in 10 ms slices; returns the last sequence. */
async function publishPaced(nc: NatsConnection, from: number, n: number, rate: number): Promise<number> {
  const started = performance.now();
  let sent = 0;
  let lastSeq = 0;
  while (sent < n) {
    const due = Math.min(n, Math.floor(((performance.now() - started) / 1000) * rate) + 1);
    if (due > sent) lastSeq = Math.max(lastSeq, await publishEvents(nc, from + sent, due - sent));
    sent = due;
    await new Promise((r) => setTimeout(r, 10));
  }
  return lastSeq;
}

async function untilCheckpoint(url: string, seq: number, timeoutMs = 600_000): Promise<void> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      // The table appears once the ledger has migrated; until then there is nothing to read.
      const res = await c
        .query<{ last_seq: string }>("select last_seq from projection_checkpoints where projection = 'ledger-audit'")
        .catch(() => ({ rows: [] as { last_seq: string }[] }));
      if (Number(res.rows[0]?.last_seq ?? 0) >= seq) return;
      if (Date.now() > deadline) throw new Error(`ledger did not reach seq ${seq} in ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    await c.end();
  }
}

async function countRows(url: string): Promise<number> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return Number((await c.query<{ n: string }>('select count(*) as n from audit_entries')).rows[0]!.n);
  } finally {
    await c.end();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
