import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import type { NatsConnection } from '@nats-io/transport-node';
import { Streams } from '@gatehouse/contracts';
import { readStream } from '@gatehouse/nats';
// The ledger's own verifier, pure code (no alias for the ledger yet: docs/adr/0010-ledger.md).
import { type Anchor, loadPublicKey, verifyAnchorSignature } from '@gatehouse/audit-chain';
import type { SealedEntry } from '@gatehouse/audit-chain';
import { ChainVerifier, DEFAULT_WINDOW, type Finding, type VerifyReport } from '@gatehouse/audit-chain';
import type { Command } from './args';
import type { Output } from './output';

type Verify = Extract<Command, { kind: 'audit-verify' }>;
const PAGE = 10_000;

interface ChainPageRow extends SealedEntry {
  subject: string;
  event: unknown;
}

/**
 * `audit verify`: recomputes the chain over the source (the stream, or the table's own copy of
 * each event) against the sealed entries and anchors in Postgres, streaming both a page at a time.
 * Writes one line per finding and a summary; resolves with the number of findings.
 */
export async function auditVerify(nc: NatsConnection, cmd: Verify, out: Output): Promise<number> {
  const pg = new Client({ connectionString: cmd.database });
  await pg.connect();
  try {
    const verifier = new ChainVerifier();
    const observed = cmd.source === 'stream' ? readStream(nc, Streams.GH_REQUEST.name, { from: { first: true }, onUndecodable: () => undefined })[Symbol.asyncIterator]() : null;
    let pushedSealed = 0;
    let pushedObserved = 0;
    let streamDone = observed === null;
    const pullObserved = async (upTo: number) => {
      while (observed && !streamDone && pushedObserved < upTo) {
        const next = await observed.next();
        if (next.done) streamDone = true;
        else {
          verifier.pushObserved({ subject: next.value.subject, event: next.value.data, at: next.value.seq });
          pushedObserved++;
        }
      }
    };
    for (let after = 0; ; ) {
      const page = await chainPage(pg, after);
      if (page.length === 0) break;
      for (const row of page) {
        verifier.pushSealed({ position: row.position, stream_seq: row.stream_seq, prev_hash: row.prev_hash, hash: row.hash });
        if (!observed) verifier.pushObserved({ subject: row.subject, event: row.event, at: row.position });
      }
      pushedSealed += page.length;
      after = page[page.length - 1]!.position;
      await pullObserved(pushedSealed + DEFAULT_WINDOW + 1);
    }
    await pullObserved(Number.POSITIVE_INFINITY);
    const report = verifier.finish();
    const anchorFindings = await checkAnchors(pg, cmd.publicKeyFile);
    const findings = [...report.findings, ...anchorFindings];
    for (const f of findings) await out.write(`${formatFinding(f)}\n`);
    await out.write(`${summary(report, findings.length, cmd.source)}\n`);
    return findings.length;
  } finally {
    await pg.end();
  }
}

async function chainPage(pg: Client, after: number): Promise<ChainPageRow[]> {
  const res = await pg.query<{ position: string; stream_seq: string; prev_hash: string; hash: string; subject: string; event: unknown }>(
    'select position, stream_seq, prev_hash, hash, subject, event from audit_chain where position > $1 order by position limit $2',
    [after, PAGE],
  );
  return res.rows.map((r) => ({ ...r, position: Number(r.position), stream_seq: Number(r.stream_seq) }));
}

/** Each anchor must name the hash sealed at its position and, with a public key, carry a valid signature. */
async function checkAnchors(pg: Client, publicKeyFile: string | null): Promise<Finding[]> {
  const key = publicKeyFile ? loadPublicKey(readFileSync(publicKeyFile, 'utf8')) : null;
  const res = await pg.query<Anchor & { position: string; anchored_at: Date; sealed_hash: string | null }>(
    'select a.position, a.hash, a.anchored_at, a.signature, a.key_id, c.hash as sealed_hash from audit_anchors a left join audit_chain c using (position) order by a.position',
  );
  const out: Finding[] = [];
  for (const r of res.rows) {
    const a: Anchor = { position: Number(r.position), hash: r.hash, anchored_at: new Date(r.anchored_at).toISOString(), signature: r.signature, key_id: r.key_id };
    if (r.sealed_hash !== a.hash) out.push({ kind: 'broken_link', position: a.position, at: null, detail: 'anchor does not match the hash sealed at its position' });
    else if (key && !verifyAnchorSignature(a, key)) out.push({ kind: 'broken_link', position: a.position, at: null, detail: 'anchor signature is not valid' });
  }
  return out;
}

export function formatFinding(f: Finding): string {
  return `${f.kind} at position ${f.position}${f.at === null ? '' : ` (source ${f.at})`}: ${f.detail}`;
}

function summary(r: VerifyReport, findings: number, source: string): string {
  const verdict = findings === 0 ? 'OK' : `${findings} finding(s)`;
  return `audit chain ${verdict}: ${r.sealed} sealed entries checked against the ${source} (${r.observed} events read, ${r.unsealed} not sealed yet)`;
}
