import type { z } from 'zod';
import { resolveSecret } from '@gatehouse/config';
import type { HttpScorerSettings, ScanUnit } from '@gatehouse/detectors';
import { parseScannerAnswer, type Scorer, ScorerError, type ScorerResult } from './scorer';

type Settings = z.infer<typeof HttpScorerSettings>;

/**
 * An external scanner over HTTP (LLM Guard / Lakera style): one POST per unit with
 * `{ input, role, origin }`, answered by `{ score | risk_score | flagged, reasons | categories }`.
 */
export class HttpScorer implements Scorer {
  readonly name = 'http' as const;
  readonly detector = 'scorer.http';
  readonly threshold: number;
  private readonly auth: string | null;

  constructor(private readonly s: Settings) {
    this.threshold = s.threshold;
    this.auth = s.api_key ? `Bearer ${resolveSecret(s.api_key)}` : null;
  }

  async score(units: readonly ScanUnit[]): Promise<ScorerResult[]> {
    const picked = units.map((u, i) => ({ u, i })).filter(({ u }) => (this.s.origins as string[]).includes(u.origin) && u.text.trim() !== '');
    return Promise.all(picked.map(async ({ u, i }) => {
      let body: unknown;
      try {
        const res = await fetch(this.s.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(this.auth ? { authorization: this.auth } : {}) },
          body: JSON.stringify({ input: u.text, role: u.role, origin: u.origin }),
          signal: AbortSignal.timeout(this.s.timeout_ms),
        });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        body = await res.json();
      } catch (err) {
        const timeout = (err as Error).name === 'TimeoutError';
        throw new ScorerError('http', timeout ? 'timeout' : 'unavailable', `scanner: ${timeout ? 'timed out' : (err as Error).message}`, { cause: err });
      }
      const r = parseScannerAnswer(body);
      if (!r) throw new ScorerError('http', 'bad_answer', 'scanner: unreadable answer');
      return { unit: i, ...r };
    }));
  }
}
