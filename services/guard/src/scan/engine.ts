import type { GuardFinding, GuardVerdict } from '@gatehouse/contracts';
import { BuiltInDetectors, decide, type Detector, type GuardPolicy, type Origin, scanUnits } from '@gatehouse/detectors';

/** The origin of a message by its role (v1 callers send no origin). */
export function originOfRole(role: string): Origin {
  if (role === 'system' || role === 'developer') return 'system';
  if (role === 'tool' || role === 'function') return 'tool';
  if (role === 'assistant') return 'assistant';
  return 'user';
}

/**
 * Pure: `gh.rpc.guard.scan.v1`'s verdict: every built-in detector over every message, each
 * finding given its action by the policy; the request's action is the most severe one.
 */
export function scanMessages(
  messages: readonly { role: string; text: string }[],
  policy: Pick<GuardPolicy, 'actions' | 'minScore'>,
  detectors: readonly Detector[] = BuiltInDetectors,
): GuardVerdict {
  const units = messages.map((m) => ({ role: m.role, origin: originOfRole(m.role), text: m.text }));
  const { action, decided } = decide(scanUnits(units, detectors), policy.actions, policy.minScore);
  const findings: GuardFinding[] = decided.map(({ finding: f, action: a }) => ({
    detector: f.detector, version: f.version, score: f.score, action: a, message_index: f.unit,
    origin: units[f.unit].origin, direction: 'inbound', reasons: f.reasons, count: f.spans.length,
  }));
  return { action, findings, status: 'ok' };
}
