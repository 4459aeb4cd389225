import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { handleAdmin } from './admin';
import { handleApi, type ApiState } from './api';
import { FaultBook } from './faults';
import { RequestLog, type RecordedRequest } from './request-log';
import { RateWindow, type Exchange } from './respond';

export interface SimulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** When set, every API request must carry `Authorization: Bearer <apiKey>` (else 401). */
  apiKey?: string | null;
  /** Models served (`/v1/models`); others answer 404 `model_not_found`. Default: any name is served. */
  models?: string[] | null;
  /** Requests kept for inspection (counts are always exact). Default 10 000; 0 keeps none. */
  recordLimit?: number;
  /** Embedding size when the request gives no `dimensions`. Default 1536. */
  embeddingDimensions?: number;
}

export interface Simulator {
  /** The API base clients configure, e.g. `http://127.0.0.1:4010/v1`. */
  readonly url: string;
  /** `http://127.0.0.1:<port>`; the admin API is at `${origin}/__sim/`. */
  readonly origin: string;
  readonly port: number;
  readonly faults: FaultBook;
  /** The last `recordLimit` API requests, oldest first. */
  readonly requests: readonly RecordedRequest[];
  /** API requests received since start/reset, or those to `path` (e.g. `/v1/chat/completions`). */
  requestCount(path?: string): number;
  /** Closes the listener and every open connection: new connections are refused. */
  refuseConnections(): Promise<void>;
  /** Listens again on the same port. */
  acceptConnections(): Promise<void>;
  /** Clears faults, latency, recorded requests and counters; ends hanging responses. */
  reset(): void;
  close(): Promise<void>;
}

/** Starts a simulated OpenAI API on 127.0.0.1. */
export async function start(options: SimulatorOptions = {}): Promise<Simulator> {
  const sim = new ProviderSimulator(options);
  await sim.listen(options.port ?? 0);
  return sim;
}

class ProviderSimulator implements Simulator {
  readonly faults = new FaultBook();
  private readonly log: RequestLog;
  private readonly state: ApiState;
  private readonly server: Server;
  private readonly host: string;
  private readonly idPrefix = randomBytes(4).toString('hex');
  private nextId = 0;
  private boundPort = 0;
  private listening = false;
  private reopenTimer: NodeJS.Timeout | null = null;

  constructor(options: SimulatorOptions) {
    this.host = options.host ?? '127.0.0.1';
    this.log = new RequestLog(options.recordLimit ?? 10_000);
    this.state = {
      settings: { apiKey: options.apiKey ?? null, models: options.models ?? null, embeddingDimensions: options.embeddingDimensions ?? 1536 },
      faults: this.faults,
      rate: new RateWindow(),
      hanging: new Set(),
    };
    this.server = createServer((req, res) => this.onRequest(req, res));
    // Longer than undici's default keep-alive so pooled connections are reused, not raced.
    this.server.keepAliveTimeout = 65_000;
    this.server.headersTimeout = 66_000;
  }

  get port(): number {
    return this.boundPort;
  }
  get origin(): string {
    return `http://${this.host}:${this.boundPort}`;
  }
  get url(): string {
    return `${this.origin}/v1`;
  }
  get requests(): readonly RecordedRequest[] {
    return this.log.all();
  }

  requestCount(path?: string): number {
    return this.log.count(path);
  }

  listen(port: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, this.host, () => {
        this.server.off('error', reject);
        this.boundPort = (this.server.address() as { port: number }).port;
        this.listening = true;
        resolve();
      });
    });
  }

  async refuseConnections(): Promise<void> {
    if (!this.listening) return;
    this.listening = false;
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }

  async acceptConnections(): Promise<void> {
    if (this.reopenTimer) clearTimeout(this.reopenTimer);
    this.reopenTimer = null;
    if (!this.listening) await this.listen(this.boundPort);
  }

  reset(): void {
    this.faults.clear();
    this.log.clear();
    this.state.rate.reset();
    for (const res of this.state.hanging) res.destroy();
    this.state.hanging.clear();
  }

  async close(): Promise<void> {
    if (this.reopenTimer) clearTimeout(this.reopenTimer);
    this.reopenTimer = null;
    this.reset();
    await this.refuseConnections();
  }

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    const started = performance.now();
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q === -1 ? url : url.slice(0, q);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
      if (path.startsWith('/__sim/')) {
        return handleAdmin({ faults: this.faults, log: this.log, reset: () => this.reset(), refuseFor: (ms, r) => this.refuseFor(ms, r) }, req.method ?? 'GET', path, raw, res);
      }
      let body: unknown = null;
      let badJson = false;
      if (raw.length > 0) {
        try {
          body = JSON.parse(raw.toString('utf8'));
        } catch {
          badJson = true;
        }
      }
      this.log.record(req.method ?? 'GET', path, req.headers, body);
      const ex: Exchange = { res, started, requestId: `req_${this.idPrefix}${(++this.nextId).toString(16).padStart(24, '0')}` };
      handleApi(this.state, ex, req, path, body, badJson, raw).catch((err: unknown) => {
        // A bug in the simulator must surface in the test that hit it, not vanish.
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(err));
      });
    });
  }

  private refuseFor(forMs: number, res: ServerResponse): void {
    res.once('finish', () => {
      void this.refuseConnections().then(() => {
        this.reopenTimer = setTimeout(() => void this.acceptConnections(), forMs);
        this.reopenTimer.unref();
      });
    });
  }
}
