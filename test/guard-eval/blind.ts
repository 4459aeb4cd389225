import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Example } from './injection-set';

/**
 * The blind set in use (`blind-set-5.ts`, written on 2026-12-05 by an engineer who never read the
 * detectors, the guard or the training data), loaded only when asked for (`GUARD_EVAL_BLIND=1`)
 * and only ever reported as aggregates: its misses are never printed, and each look is counted in
 * docs/adr/0008, so it cannot quietly become a tuning set. Blind sets 1 to 4 were retired into training.
 */
export interface Blind {
  set: readonly Example[];
  category: Readonly<Record<string, string>>;
}

export function blindSet(): Blind | null {
  if (process.env.GUARD_EVAL_BLIND !== '1') return null;
  if (!existsSync(join(__dirname, 'blind-set-5.js')) && !existsSync(join(__dirname, 'blind-set-5.ts'))) return null;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const m = require('./blind-set-5') as { BlindSet5: readonly Example[]; BlindSet5Category: Record<string, string> };
  return { set: m.BlindSet5, category: m.BlindSet5Category };
}
