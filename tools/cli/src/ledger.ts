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
 * this process until it has caught up with GH_REQUEST as it was when the rebuild began.
 * The ledger service must be stopped meanwhile (it would race the replay for the chain).
 */
export async function ledgerRebuild(nc: NatsConnection, cmd: Rebuild, out: Output, signal?: AbortSignal): Promise<void> {
  const target = (await (await jetstreamManager(nc)).streams.info(Streams.GH_REQUEST.name)).state.last_seq;
  const pg = new Client({ connectionString: cmd.database });
  await pg.connect();
  try {
    const existing = await pg.query<{ t: string }>("select table_name as t from information_schema.tables where table_schema = current_schema() and table_name = any($1)", [[...PROJECTION_TABLES, 'projection_checkpoints']]);
    const present = existing.rows.map((r) => r.t);
    if (present.length > 0) await pg.query(`truncate ${present.join(', ')}`);
    await out.write(`truncated ${present.length} table(s); replaying GH_REQUEST up to sequence ${target}\n`);
    const ledger = await startLedger({ natsUrl: cmd.nats, databaseUrl: cmd.database, batchWaitMs: 5, serve: false });
    try {
      for (;;) {
        if (signal?.aborted) throw new Error('interrupted; the projections are partly rebuilt: run the rebuild again');
        const cp = await pg.query<{ last_seq: string }>("select last_seq from projection_checkpoints where projection = 'ledger-audit'").catch(() => ({ rows: [] as { last_seq: string }[] }));
        const at = Number(cp.rows[0]?.last_seq ?? 0);
        if (at >= target) break;
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
