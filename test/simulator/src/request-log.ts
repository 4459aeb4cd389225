import type { IncomingHttpHeaders } from 'node:http';

/** What reached the simulated provider: one entry per API request (admin calls are not logged). */
export interface RecordedRequest {
  /** 1-based arrival order since start or the last reset. */
  seq: number;
  method: string;
  /** Path without the query string. */
  path: string;
  /** Request headers; credentials replaced by `[redacted]`. */
  headers: IncomingHttpHeaders;
  /** The parsed JSON body; null when there was none or it did not parse. */
  body: unknown;
  /** Arrival time, ms since the epoch. */
  at: number;
}

const SECRET_HEADERS = ['authorization', 'api-key', 'x-api-key', 'x-goog-api-key'];

/**
 * Keeps the last `limit` requests (older ones are dropped in halves, so recording stays O(1)
 * amortized under benchmark load) and exact counts of all of them.
 */
export class RequestLog {
  private entries: RecordedRequest[] = [];
  private total = 0;
  private perPath = new Map<string, number>();

  constructor(private readonly limit: number) {}

  record(method: string, path: string, headers: IncomingHttpHeaders, body: unknown): void {
    this.total++;
    this.perPath.set(path, (this.perPath.get(path) ?? 0) + 1);
    if (this.limit === 0) return;
    let kept = headers;
    for (const name of SECRET_HEADERS) {
      if (headers[name] !== undefined) {
        if (kept === headers) kept = { ...headers };
        kept[name] = '[redacted]';
      }
    }
    if (this.entries.length >= this.limit) this.entries = this.entries.slice(this.entries.length - Math.floor(this.limit / 2));
    this.entries.push({ seq: this.total, method, path, headers: kept, body, at: Date.now() });
  }

  /** Every request received, or those to `path` (e.g. `/v1/chat/completions`). */
  count(path?: string): number {
    return path === undefined ? this.total : (this.perPath.get(path) ?? 0);
  }

  all(): readonly RecordedRequest[] {
    return this.entries;
  }

  clear(): void {
    this.entries = [];
    this.total = 0;
    this.perPath.clear();
  }
}
