/**
 * Audit chain benchmark: seals a synthetic chain of N request events (the shape the gateway
 * publishes, each one different) and verifies it with the verifier `gatehouse audit verify` uses,
 * chunk by chunk as verify streams them (memory stays flat). Reports events/s for sealing and for
 * verifying, and whether verify stays under a minute for 1,000,000 events.
 *
 *   npm run build && node dist/bench/src/ledger-verify.js
 *   LEDGER_VERIFY_EVENTS=1000000 (default)
 */
import { RequestCompletedV1 } from '@gatehouse/contracts';
import { type ChainHead, EMPTY_HEAD, seal, type SealedEntry } from '@gatehouse/audit-chain';
import { ChainVerifier } from '@gatehouse/audit-chain';

const EVENTS = Number(process.env.LEDGER_VERIFY_EVENTS ?? 1_000_000);
const CHUNK = 10_000;
const SUBJECT = RequestCompletedV1.subject;
const base = RequestCompletedV1.schema.parse(RequestCompletedV1.example);

function event(i: number) {
  return {
    subject: SUBJECT,
    stream_seq: i + 1,
    event: { ...base, request_id: `req_${i}`, occurred_at: new Date(1_790_000_000_000 + i).toISOString(), latency_ms: i % 997, tags: i % 2 ? ['eu'] : [] },
  };
}

function main(): void {
  let head: ChainHead = EMPTY_HEAD;
  const verifier = new ChainVerifier();
  let sealMs = 0;
  let verifyMs = 0;
  for (let from = 0; from < EVENTS; from += CHUNK) {
    const events = Array.from({ length: Math.min(CHUNK, EVENTS - from) }, (_, k) => event(from + k));
    let t = performance.now();
    const sealed = seal(head, events);
    head = sealed.head;
    sealMs += performance.now() - t;
    const entries: SealedEntry[] = sealed.entries.map(({ source: _s, ...e }) => e);
    // The verifier reads back its own copy (as from JetStream: parsed JSON, not the same objects).
    const observed = events.map((e) => ({ subject: e.subject, event: JSON.parse(JSON.stringify(e.event)) as unknown, at: e.stream_seq }));
    t = performance.now();
    for (let k = 0; k < entries.length; k++) {
      verifier.pushSealed(entries[k]!);
      verifier.pushObserved(observed[k]!);
    }
    verifyMs += performance.now() - t;
  }
  const t = performance.now();
  const report = verifier.finish();
  verifyMs += performance.now() - t;
  if (report.findings.length > 0) throw new Error(`unexpected findings: ${JSON.stringify(report.findings.slice(0, 3))}`);

  const rate = (ms: number) => Math.round(EVENTS / (ms / 1000)).toLocaleString('en');
  const rows = [
    ['seal (canonical JSON + SHA-256)', `${(sealMs / 1000).toFixed(1)} s`, `${rate(sealMs)} events/s`, ''],
    ['verify', `${(verifyMs / 1000).toFixed(1)} s`, `${rate(verifyMs)} events/s`, verifyMs / 1000 * (1_000_000 / EVENTS) < 60 ? 'pass (< 60 s per 1M)' : 'FAIL (≥ 60 s per 1M)'],
  ];
  console.log(`\nAudit chain, ${EVENTS.toLocaleString('en')} synthetic request events (node ${process.version})\n`);
  console.log('| step | time | rate | target |\n| --- | --- | --- | --- |');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  console.log('\ncommand: npm run build && node dist/bench/src/ledger-verify.js');
}

main();
