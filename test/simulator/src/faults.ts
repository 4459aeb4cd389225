import { z } from 'zod';

/**
 * Faults the simulator injects, programmable from a test (methods) or another process
 * (`/__sim/faults`). Counted faults answer the next `times` matching requests and are then spent;
 * latency is a setting that stays until changed or reset. A fault with `model` only hits
 * requests for that model; one without hits every API request it applies to (`cut` and
 * `stream_error` apply to streaming chat only).
 */

const times = z.number().int().positive().default(1);
const model = z.string().min(1).optional();

export const Fault = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('rate_limit'), times, model, retryAfterS: z.number().int().nonnegative().default(1) }),
  z.strictObject({ kind: z.literal('status'), times, model, status: z.number().int().min(400).max(599), message: z.string().optional() }),
  z.strictObject({ kind: z.literal('hang'), times, model }),
  z.strictObject({ kind: z.literal('cut'), times, model, afterChunks: z.number().int().nonnegative() }),
  z.strictObject({
    kind: z.literal('stream_error'),
    times,
    model,
    afterChunks: z.number().int().nonnegative(),
    message: z.string().default('The server had an error while processing your request. Sorry about that!'),
    /** `event`: an `event: error` SSE event; `data`: a plain `data: {"error":…}` event. */
    as: z.enum(['event', 'data']).default('event'),
  }),
]);
export type Fault = z.infer<typeof Fault>;
export type FaultInput = z.input<typeof Fault>;

export const Latency = z.strictObject({
  firstByteMs: z.number().nonnegative().default(0),
  perChunkMs: z.number().nonnegative().default(0),
  model,
});
export type Latency = Omit<z.infer<typeof Latency>, 'model'>;
export type LatencyInput = z.input<typeof Latency>;

const NO_LATENCY: Latency = { firstByteMs: 0, perChunkMs: 0 };

interface Armed {
  fault: Fault;
  left: number;
}

export class FaultBook {
  private armed: Armed[] = [];
  private defaultLatency: Latency = NO_LATENCY;
  private modelLatency = new Map<string, Latency>();

  /** Arms a fault (validated; defaults filled) and returns it. */
  inject(input: FaultInput): Fault {
    const fault = Fault.parse(input);
    this.armed.push({ fault, left: fault.times });
    return fault;
  }

  rateLimit(times = 1, opts: { retryAfterS?: number; model?: string } = {}): Fault {
    return this.inject({ kind: 'rate_limit', times, ...opts });
  }

  /** The next `times` requests answer `status` (e.g. 500, 502, 503) with an OpenAI error body. */
  fail(status: number, times = 1, opts: { model?: string; message?: string } = {}): Fault {
    return this.inject({ kind: 'status', status, times, ...opts });
  }

  /** The next `times` requests are never answered (until the client gives up or reset/close). */
  hang(times = 1, opts: { model?: string } = {}): Fault {
    return this.inject({ kind: 'hang', times, ...opts });
  }

  /** The next streams send `afterChunks` data events, then the socket is destroyed. */
  cutStream(afterChunks: number, opts: { times?: number; model?: string } = {}): Fault {
    return this.inject({ kind: 'cut', afterChunks, ...opts });
  }

  /** The next streams send `afterChunks` data events, then an error event, and end without `[DONE]`. */
  streamError(afterChunks: number, opts: { times?: number; model?: string; message?: string; as?: 'event' | 'data' } = {}): Fault {
    return this.inject({ kind: 'stream_error', afterChunks, ...opts });
  }

  /** Latency before the response headers and between stream chunks, for one model or all. */
  latency(input: LatencyInput): void {
    const { model: target, ...latency } = Latency.parse(input);
    if (target) this.modelLatency.set(target, latency);
    else this.defaultLatency = latency;
  }

  latencyFor(model: string | undefined): Latency {
    return (model !== undefined && this.modelLatency.get(model)) || this.defaultLatency;
  }

  /** Consumes and returns the first armed fault that applies to this request, if any. */
  take(model: string | undefined, streaming: boolean): Fault | null {
    if (this.armed.length === 0) return null;
    for (let i = 0; i < this.armed.length; i++) {
      const a = this.armed[i];
      if (a.fault.model !== undefined && a.fault.model !== model) continue;
      if ((a.fault.kind === 'cut' || a.fault.kind === 'stream_error') && !streaming) continue;
      if (--a.left === 0) this.armed.splice(i, 1);
      return a.fault;
    }
    return null;
  }

  /** Armed faults with how many requests each will still hit. */
  pending(): { fault: Fault; left: number }[] {
    return this.armed.map((a) => ({ fault: a.fault, left: a.left }));
  }

  clear(): void {
    this.armed = [];
    this.defaultLatency = NO_LATENCY;
    this.modelLatency.clear();
  }
}
