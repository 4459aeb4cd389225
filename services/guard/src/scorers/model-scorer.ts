import type { NatsConnection } from '@nats-io/transport-node';
import type { z } from 'zod';
import type { FrameStreams } from '@gatehouse/nats';
import type { ModelScorerSettings, ScanUnit } from '@gatehouse/detectors';
import { completeOnce } from './router-once';
import { parseLlamaGuard, parseProbability, type Scorer, ScorerError, type ScorerResult } from './scorer';

type Settings = z.infer<typeof ModelScorerSettings>;

/** A guard model (Llama Guard, Prompt-Guard behind a text wrapper) called through our own router, one unit per call, in parallel. */
export class ModelScorer implements Scorer {
  readonly name = 'model' as const;
  readonly detector = 'scorer.guard_model';
  readonly threshold: number;

  constructor(
    private readonly nc: NatsConnection,
    private readonly streams: FrameStreams,
    private readonly s: Settings,
  ) {
    this.threshold = s.threshold;
  }

  async score(units: readonly ScanUnit[], requestId: string): Promise<ScorerResult[]> {
    const parse = this.s.format === 'llama_guard' ? parseLlamaGuard : parseProbability;
    const picked = units.map((u, i) => ({ u, i })).filter(({ u }) => (this.s.origins as string[]).includes(u.origin) && u.text.trim() !== '');
    return Promise.all(picked.map(async ({ u, i }) => {
      let answer: string;
      try {
        answer = await completeOnce(this.nc, this.streams, {
          request_id: `${requestId}.guard.${i}`, model: this.s.model, stream: false,
          request: { model: this.s.model, messages: [{ role: 'user', content: u.text }], max_tokens: 16, temperature: 0 },
        }, this.s.timeout_ms);
      } catch (err) {
        const timeout = /timeout|no frame/i.test(String((err as Error).message));
        throw new ScorerError('model', timeout ? 'timeout' : 'unavailable', `guard model: ${(err as Error).message}`, { cause: err });
      }
      const r = parse(answer);
      if (!r) throw new ScorerError('model', 'bad_answer', 'guard model: unreadable answer');
      return { unit: i, ...r };
    }));
  }
}
