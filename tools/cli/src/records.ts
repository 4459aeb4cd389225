/** A request event as read back from the stream: where it sits and what it says. */
export interface EventRecord {
  seq: number;
  time: Date;
  subject: string;
  event: unknown;
}

export interface ReplayFilter {
  until: Date | null;
  team: string | null;
  requestId: string | null;
}

export const Step = { emit: 'emit', skip: 'skip', stop: 'stop' } as const;
export type Step = (typeof Step)[keyof typeof Step];

/**
 * What replay does with the next record. Records come in stream order and stream times only grow,
 * so the first record after `until` ends the replay.
 */
export function replayStep(r: EventRecord, f: ReplayFilter): Step {
  if (f.until && r.time > f.until) return Step.stop;
  if (!r.subject.startsWith('gh.evt.request.')) return Step.skip;
  if (f.team !== null && field(r.event, ['team_id']) !== f.team) return Step.skip;
  if (f.requestId !== null && field(r.event, ['request_id']) !== f.requestId) return Step.skip;
  return Step.emit;
}

/** One JSON line: the stream position beside the event, so a reader can resume or cite it. */
export function toJsonLine(r: EventRecord): string {
  return `${JSON.stringify({ seq: r.seq, time: r.time.toISOString(), subject: r.subject, event: r.event })}\n`;
}


type Column = readonly [name: string, get: (r: EventRecord) => unknown];
const fromEvent = (name: string, ...keys: string[]): Column => [name, (r) => field(r.event, keys)];

/** CSV columns: the queryable facts of a request event (the same ones the ledger's audit table has). */
const COLUMNS: readonly Column[] = [
  ['seq', (r) => r.seq],
  ['time', (r) => r.time.toISOString()],
  ['event_type', (r) => r.subject.replace(/^gh\.evt\./, '')],
  ...['request_id', 'occurred_at', 'trace_id', 'key_id', 'key_alias', 'team_id', 'user_id', 'end_user', 'model'].map((k) => fromEvent(k, k)),
  fromEvent('deployment_id', 'route', 'deployment_id'),
  fromEvent('provider', 'route', 'provider'),
  fromEvent('provider_model', 'route', 'provider_model'),
  fromEvent('http_status', 'http_status'),
  fromEvent('stream', 'stream'),
  fromEvent('latency_ms', 'latency_ms'),
  fromEvent('ttft_ms', 'route', 'ttft_ms'),
  fromEvent('prompt_tokens', 'usage', 'prompt_tokens'),
  fromEvent('completion_tokens', 'usage', 'completion_tokens'),
  fromEvent('total_tokens', 'usage', 'total_tokens'),
  fromEvent('cost_usd', 'cost', 'usd'),
  fromEvent('price_unknown', 'cost', 'price_unknown'),
  fromEvent('cache_status', 'cache', 'status'),
  fromEvent('guard_action', 'guard', 'action'),
  fromEvent('error_code', 'error', 'code'),
  ['tags', (r) => {
    const tags = field(r.event, ['tags']);
    return Array.isArray(tags) ? tags.join(';') : null;
  }],
];

export function csvHeader(): string {
  return `${COLUMNS.map(([name]) => name).join(',')}\n`;
}

export function toCsvRow(r: EventRecord): string {
  return `${COLUMNS.map(([, get]) => csvCell(get(r))).join(',')}\n`;
}

/** RFC 4180: quote a cell holding a comma, quote or line break; double the quotes inside. */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'number' ? formatNumber(v) : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Costs such as 1.98e-7 would otherwise print in exponent form, which spreadsheets misread. */
function formatNumber(n: number): string {
  if (Number.isInteger(n) || Math.abs(n) >= 1e-6) return String(n);
  return n.toFixed(12).replace(/0+$/, '');
}

/** A nested field of an event of unknown shape (old and future versions both pass through). */
export function field(value: unknown, keys: readonly string[]): unknown {
  let v = value;
  for (const k of keys) {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return v;
}
