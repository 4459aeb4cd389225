import { createServer, type Server, type Socket, connect } from 'node:net';
import { PassThrough } from 'node:stream';
import { Client } from 'pg';
import { jetstream } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { budgetSubject, type EventContract, type EventPayload, RequestCompletedV1 } from '@gatehouse/contracts';
import { encodeJson } from '@gatehouse/nats';

export type Completed = EventPayload<typeof RequestCompletedV1>;
const base = RequestCompletedV1.schema.parse(RequestCompletedV1.example);

export function completed(id: string, over: Partial<Completed> = {}): Completed {
  return { ...base, request_id: id, ...over };
}

export async function sql<T>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text, params)).rows as T[];
  } finally {
    await c.end();
  }
}

/** md5 of every projection table's deterministic columns, in key order (what a rebuild must reproduce). */
export async function projectionChecksums(url: string): Promise<Record<string, string>> {
  const queries: Record<string, string> = {
    audit_entries: 'select md5(string_agg(t::text, \'|\' order by request_id)) as h from (select request_id, event_type, occurred_at, team_id, key_id, model, provider, status, cost_usd, tags, budget_scopes, stream_seq, event from audit_entries) t',
    audit_chain: 'select md5(string_agg(t::text, \'|\' order by position)) as h from (select position, stream_seq, subject, request_id, event, prev_hash, hash from audit_chain) t',
    audit_anchors: 'select md5(string_agg(t::text, \'|\' order by position)) as h from (select position, hash from audit_anchors) t',
    spend_daily: 'select md5(string_agg(t::text, \'|\' order by day, team_id, project, key_id, model, provider)) as h from spend_daily t',
    spend_tag_daily: 'select md5(string_agg(t::text, \'|\' order by day, tag, team_id)) as h from spend_tag_daily t',
    budget_usage: 'select md5(string_agg(t::text, \'|\' order by scope_id, period)) as h from budget_usage t',
    budget_spend_hourly: 'select md5(string_agg(t::text, \'|\' order by scope_id, hour)) as h from budget_spend_hourly t',
    budget_events: 'select md5(string_agg(t::text, \'|\' order by kind, event_id)) as h from budget_events t',
  };
  const out: Record<string, string> = {};
  for (const [table, q] of Object.entries(queries)) out[table] = (await sql<{ h: string | null }>(url, q))[0]!.h ?? 'empty';
  return out;
}

export function capture() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (d: Buffer) => (text += d.toString()));
  return { stream, text: () => text };
}

/** A TCP proxy in front of Postgres that a test can take down (refusing and cutting connections) and bring back. */
export class PgProxy {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  constructor(
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  async up(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
  }

  async down(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
  }
}

/**
 * Appends a budget event the way quota does (contracts/budget-subject.ts): on its scope's own
 * subject, with its id field as the message id (`msgId` overrides it: a republish after the window).
 */
export async function publishBudget<E extends EventContract>(nc: NatsConnection, event: E, payload: EventPayload<E>, msgId?: string): Promise<number> {
  const valid = event.schema.parse(payload) as Record<string, unknown>;
  const ack = await jetstream(nc).publish(budgetSubject(event, String(valid.scope_id)), encodeJson(valid), { msgID: msgId ?? String(valid[event.idField]) });
  return ack.seq;
}
