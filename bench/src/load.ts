import { Pool } from 'undici';
import { summarize, type Summary } from './stats';

export interface LoadSpec {
  origin: string;
  path: string;
  body: string;
  headers: Record<string, string>;
  concurrency: number;
  seconds: number;
  /** Measure time to the first body byte instead of the whole response. */
  firstByte?: boolean;
}

/**
 * A closed-loop load: `concurrency` workers, each sending the next request as soon as the last
 * answered, for `seconds`. Bounded in time, loopback only. Latency in ms per request.
 */
export async function runLoad(spec: LoadSpec): Promise<Summary> {
  const pool = new Pool(spec.origin, { connections: spec.concurrency, pipelining: 1, keepAliveTimeout: 30_000 });
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + spec.seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      try {
        const res = await pool.request({ method: 'POST', path: spec.path, headers: spec.headers, body: spec.body });
        let first = 0;
        for await (const chunk of res.body) {
          if (!first && chunk.length) first = performance.now();
        }
        if (res.statusCode !== 200) errors++;
        else latencies.push((spec.firstByte ? first : performance.now()) - t0);
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: spec.concurrency }, worker));
  const elapsed = (performance.now() - started) / 1000;
  await pool.close();
  return summarize(latencies, elapsed, errors);
}
