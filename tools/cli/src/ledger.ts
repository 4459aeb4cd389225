import { Client } from 'pg';
import { Streams } from '@gatehouse/contracts';
import type { NatsConnection } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
// The ledger itself replays (same projection code, migrations and checkpoints): no second implementation.
import { startLedger } from '../../../services/ledger/src/main';
import { PROJECTION_TABLES } from '../../../services/ledger/src/database/projection-tables';
import type { Command } from './args';
import type { Output } from './output';

type Rebuild = Extract<Command, { kind: 'ledger-rebuild' }>;

/**
 * `ledger rebuild`: truncates every projection table and its checkpoint, then runs the ledger in
 * this process until it has caught up with GH_REQUEST and GH_BUDGET as they were when the rebuild
 * began. GH_BUDGET keeps 35 days: budget events older than that are not rebuilt (spend per scope
 * is, from GH_REQUEST).
 * The ledger service must be stopped meanwhile (it would race the replay for the chain).
 */
export async function ledgerRebuild(nc: NatsConnection, cmd: Rebuild, out: Output, signal?: AbortSignal): Promise<void> {
  const jsm = await jetstreamManager(nc);
  // Where each projection must get to; a stream whose messages have all expired has nothing to replay.
  // A stream not created yet (GH_BUDGET before quota ever ran) holds nothing either.
  const lastOf = async (stream: string) => {
    const info = await jsm.streams.info(stream).catch((err: unknown) => {
      if (/not found/i.test(String(err))) return null;
      throw err;
    });
    return !info || info.state.messages === 0 ? 0 : info.state.last_seq;
  };
  const targets: Record<string, number> = { 'ledger-audit': await lastOf(Streams.GH_REQUEST.name), 'ledger-budget': await lastOf(Streams.GH_BUDGET.name) };
  const target = targets['ledger-audit']!;
  const pg = new Client({ connectionString: cmd.database });
  await pg.connect();
  try {
    const existing = await pg.query<{ t: string }>("select table_name as t from information_schema.tables where table_schema = current_schema() and table_name = any($1)", [[...PROJECTION_TABLES, 'projection_checkpoints']]);
    const present = existing.rows.map((r) => r.t);
    if (present.length > 0) await pg.query(`truncate ${present.join(', ')}`);
    await out.write(`truncated ${present.length} table(s); replaying GH_REQUEST up to sequence ${target} and GH_BUDGET up to ${targets['ledger-budget']}\n`);
    const ledger = await startLedger({ natsUrl: cmd.nats, databaseUrl: cmd.database, batchWaitMs: 5, serve: false });
    try {
      for (;;) {
        if (signal?.aborted) throw new Error('interrupted; the projections are partly rebuilt: run the rebuild again');
        const cp = await pg.query<{ projection: string; last_seq: string }>('select projection, last_seq from projection_checkpoints').catch(() => ({ rows: [] as { projection: string; last_seq: string }[] }));
        const at = new Map(cp.rows.map((r) => [r.projection, Number(r.last_seq)]));
        if (Object.entries(targets).every(([projection, seq]) => (at.get(projection) ?? 0) >= seq)) break;
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      await ledger.close();
    }
    const n = await pg.query<{ n: string; p: string | null }>('select count(*) as n, max(position) as p from audit_chain');
    await out.write(`rebuilt: ${n.rows[0]!.n} chain entries, head at position ${n.rows[0]!.p ?? 0}\n`);
  } finally {
    await pg.end();
  }
}
