import type { GuardAction, GuardFinding, GuardVerdict } from '@gatehouse/contracts';
import type { Detector } from './detectors/detector';
import { paymentCard } from './detectors/payment-card';
import { promptInjection } from './detectors/prompt-injection';

export const BuiltInDetectors: readonly Detector[] = [promptInjection, paymentCard];

const SEVERITY: Record<GuardAction, number> = { allow: 0, flag: 1, mask: 2, redact: 3, block: 4 };

/**
 * Pure: runs every detector over every message and decides. Until per-team policies exist
 * (issue #8) every finding is `flag`: allowed, and recorded in the request's audit event.
 */
export function scanMessages(
  messages: readonly { role: string; text: string }[],
  detectors: readonly Detector[] = BuiltInDetectors,
  actionFor: (d: Detector) => GuardAction = () => 'flag',
): GuardVerdict {
  const findings: GuardFinding[] = [];
  messages.forEach((m, i) => {
    for (const d of detectors) {
      const score = d.scan(m.text);
      if (score !== null) findings.push({ detector: d.name, version: d.version, score, action: actionFor(d), message_index: i });
    }
  });
  const action = findings.reduce<GuardAction>((a, f) => (SEVERITY[f.action] > SEVERITY[a] ? f.action : a), 'allow');
  return { action, findings };
}
