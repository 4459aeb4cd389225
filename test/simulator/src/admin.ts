import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import { Fault, Latency, type FaultBook } from './faults';
import type { RequestLog } from './request-log';
import { errorJson } from './respond';

/**
 * The admin API under `/__sim/`, so a process other than the test (the benchmark, a shell) can
 * drive the simulator. Bodies are the same shapes as the method API:
 *
 *   GET    /__sim/health               → {ok: true}
 *   POST   /__sim/faults   Fault|Fault[] → 201 {armed: Fault[]}
 *   GET    /__sim/faults               → {pending: {fault, left}[]}
 *   DELETE /__sim/faults               → 204 (faults and latency cleared)
 *   PUT    /__sim/latency  Latency     → 204
 *   GET    /__sim/requests             → {count, byPath, requests}
 *   POST   /__sim/reset                → 204 (faults, latency, log, counters)
 *   POST   /__sim/refuse   {forMs}     → 202, then the listener closes and reopens after forMs
 */

export interface AdminTarget {
  faults: FaultBook;
  log: RequestLog;
  reset(): void;
  /** Closes the listener once `res` is sent, and listens again after `forMs`. */
  refuseFor(forMs: number, res: ServerResponse): void;
}

const Refuse = z.strictObject({ forMs: z.number().int().positive().max(600_000) });
const Faults = z.union([Fault, z.array(Fault)]);

export function handleAdmin(target: AdminTarget, method: string, path: string, raw: Buffer, res: ServerResponse): void {
  try {
    const route = `${method} ${path}`;
    switch (route) {
      case 'GET /__sim/health':
        return json(res, 200, { ok: true });
      case 'POST /__sim/faults': {
        const parsed = Faults.parse(parse(raw));
        const armed = (Array.isArray(parsed) ? parsed : [parsed]).map((f) => target.faults.inject(f));
        return json(res, 201, { armed });
      }
      case 'GET /__sim/faults':
        return json(res, 200, { pending: target.faults.pending() });
      case 'DELETE /__sim/faults':
        target.faults.clear();
        return empty(res, 204);
      case 'PUT /__sim/latency':
        target.faults.latency(Latency.parse(parse(raw)));
        return empty(res, 204);
      case 'GET /__sim/requests': {
        const requests = target.log.all();
        const byPath: Record<string, number> = {};
        for (const r of requests) byPath[r.path] = target.log.count(r.path);
        return json(res, 200, { count: target.log.count(), byPath, requests });
      }
      case 'POST /__sim/reset':
        target.reset();
        return empty(res, 204);
      case 'POST /__sim/refuse': {
        const { forMs } = Refuse.parse(parse(raw));
        json(res, 202, { refusingForMs: forMs });
        return target.refuseFor(forMs, res);
      }
      default:
        return send(res, 404, errorJson(`Invalid URL (${method} ${path})`, 'invalid_request_error'));
    }
  } catch (err) {
    const message = err instanceof z.ZodError ? z.prettifyError(err) : err instanceof Error ? err.message : String(err);
    return send(res, 400, errorJson(message, 'invalid_request_error'));
  }
}

function parse(raw: Buffer): unknown {
  return raw.length === 0 ? {} : JSON.parse(raw.toString('utf8'));
}

function json(res: ServerResponse, status: number, body: unknown): void {
  send(res, status, JSON.stringify(body));
}

function send(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) });
  res.end(body);
}

function empty(res: ServerResponse, status: number): void {
  res.writeHead(status);
  res.end();
}
