import type { Finding } from '../types';
import { actionFor, type GuardPolicy } from './resolve';
import type { GuardActionName } from './settings';

export const SEVERITY: Readonly<Record<GuardActionName, number>> = { allow: 0, flag: 1, mask: 2, redact: 3, block: 4 };

export interface Decided<F extends Pick<Finding, 'detector' | 'score'> = Finding> {
  finding: F;
  action: Exclude<GuardActionName, 'allow'>;
}

/**
 * Pure: which findings count (score ≥ the policy's minimum, detector not turned off) and what
 * each one's action is; plus the request's action, the most severe of them (`allow` when none).
 */
export function decide<F extends Pick<Finding, 'detector' | 'score'>>(findings: readonly F[], actions: GuardPolicy['actions'], minScore: number): { action: GuardActionName; decided: Decided<F>[] } {
  const decided: Decided<F>[] = [];
  let action: GuardActionName = 'allow';
  for (const f of findings) {
    if (f.score < minScore) continue;
    const a = actionFor(actions, f.detector);
    if (a === 'allow') continue;
    decided.push({ finding: f, action: a });
    if (SEVERITY[a] > SEVERITY[action]) action = a;
  }
  return { action, decided };
}
