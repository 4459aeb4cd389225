/**
 * What this router replica measured of each deployment, for the strategies: latency (EWMA),
 * calls in flight, and requests/tokens in a sliding minute. Time is passed in (ms); nothing here
 * reads the clock. Per replica on purpose: these figures change every request, and each replica
 * sees enough traffic to estimate them (cooldowns, which must be shared, travel as events).
 */

const ALPHA = 0.3; // weight of the newest latency sample
const BUCKET_MS = 1_000;
const BUCKETS = 60; // one minute: LiteLLM's rpm/tpm window

interface Stat {
  ttftMs: number | null;
  totalMs: number | null;
  inFlight: number;
  /** Ring of per-second buckets: epoch second, requests, tokens. */
  sec: Int32Array;
  req: Int32Array;
  tok: Float64Array;
}

export class DeploymentStats {
  private readonly stats = new Map<string, Stat>();

  private stat(id: string): Stat {
    let s = this.stats.get(id);
    if (!s) {
      s = { ttftMs: null, totalMs: null, inFlight: 0, sec: new Int32Array(BUCKETS).fill(-1), req: new Int32Array(BUCKETS), tok: new Float64Array(BUCKETS) };
      this.stats.set(id, s);
    }
    return s;
  }

  /** A call starts: one more in flight, one more request (and its prompt tokens) this minute. */
  started(id: string, now: number, promptTokens: number): void {
    const s = this.stat(id);
    s.inFlight++;
    this.count(s, now, 1, promptTokens);
  }

  /** A call ended; `completionTokens` are added to the minute's tokens. */
  finished(id: string, now: number, completionTokens: number): void {
    const s = this.stat(id);
    s.inFlight = Math.max(0, s.inFlight - 1);
    if (completionTokens > 0) this.count(s, now, 0, completionTokens);
  }

  /** A latency sample: time to first token for streams, whole call otherwise. */
  observeLatency(id: string, stream: boolean, ms: number): void {
    const s = this.stat(id);
    if (stream) s.ttftMs = s.ttftMs === null ? ms : s.ttftMs + ALPHA * (ms - s.ttftMs);
    else s.totalMs = s.totalMs === null ? ms : s.totalMs + ALPHA * (ms - s.totalMs);
  }

  /** EWMA latency; a deployment never measured for this kind borrows the other kind, else null. */
  latencyMs(id: string, stream: boolean): number | null {
    const s = this.stats.get(id);
    if (!s) return null;
    return stream ? (s.ttftMs ?? s.totalMs) : (s.totalMs ?? s.ttftMs);
  }

  inFlight(id: string): number {
    return this.stats.get(id)?.inFlight ?? 0;
  }

  /** Requests and tokens in the last minute (the current second included). */
  usage(id: string, now: number): { requests: number; tokens: number } {
    const s = this.stats.get(id);
    if (!s) return { requests: 0, tokens: 0 };
    const current = Math.floor(now / BUCKET_MS);
    let requests = 0;
    let tokens = 0;
    for (let i = 0; i < BUCKETS; i++) {
      if (s.sec[i] > current - BUCKETS) {
        requests += s.req[i];
        tokens += s.tok[i];
      }
    }
    return { requests, tokens };
  }

  private count(s: Stat, now: number, requests: number, tokens: number): void {
    const second = Math.floor(now / BUCKET_MS);
    const i = second % BUCKETS;
    if (s.sec[i] !== second) {
      s.sec[i] = second;
      s.req[i] = 0;
      s.tok[i] = 0;
    }
    s.req[i] += requests;
    s.tok[i] += tokens;
  }
}
