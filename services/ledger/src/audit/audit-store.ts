import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuditRow } from './audit-row';
import { AuditEntry } from './audit.entities';

export const AUDIT_PROJECTION = 'ledger-audit';

/**
 * Writes one batch in one transaction and returns the request ids it inserted: the rows (a request id already present is ignored) and the
 * projection's checkpoint, so after a crash the table and the checkpoint always agree.
 *
 * Rows at or below the checkpoint are not skipped by sequence: the unique request id already makes
 * a redelivery a no-op, while a sequence skip would silently drop events if two ledger replicas
 * ever wrote interleaved batches. The checkpoint only moves forward (GREATEST).
 */
export async function writeAuditBatch(
  em: EntityManager,
  rows: readonly AuditRow[],
  lastSeq: number,
  projection = AUDIT_PROJECTION,
): Promise<{ inserted: ReadonlySet<string> }> {
  return em.transactional(async (tx) => {
    const inserted = new Set<string>();
    if (rows.length > 0) {
      const res = await tx
        .createQueryBuilder(AuditEntry)
        .insert([...rows])
        .onConflict('request_id')
        .ignore()
        .returning('request_id')
        .execute<{ request_id: string }[]>('all', false);
      for (const r of res) inserted.add(r.request_id);
    }
    await tx.getConnection().execute(
      `insert into projection_checkpoints (projection, last_seq, updated_at) values (?, ?, now())
       on conflict (projection) do update
         set last_seq = greatest(projection_checkpoints.last_seq, excluded.last_seq), updated_at = now()`,
      [projection, lastSeq],
      'run',
      tx.getTransactionContext(),
    );
    return { inserted };
  });
}

/** The last sequence the projection applied (0 before its first batch). */
export async function readCheckpoint(em: EntityManager, projection = AUDIT_PROJECTION): Promise<number> {
  const rows = await em.getConnection().execute<{ last_seq: string }[]>(
    'select last_seq from projection_checkpoints where projection = ?',
    [projection],
  );
  return rows.length > 0 ? Number(rows[0]!.last_seq) : 0;
}
