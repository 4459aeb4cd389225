import type { ChatCompletionRequest, GuardFinding, GuardVerdict } from '@gatehouse/contracts';
import { type Decided, type Edit, type Finding, type GuardActionName, type MaskVault, rewrite, type ScanUnit } from '@gatehouse/detectors';

/** A detection as it comes back from the guard (or the in-process fallback). */
type Detected = Pick<Finding, 'detector' | 'version' | 'score' | 'unit' | 'spans' | 'reasons' | 'label'>;
import type { UnitRef } from './units';

/**
 * Pure but for the vault: the request as the provider may see it, with `redact` and `mask`
 * findings applied to the texts they were found in. Untouched messages are shared, not copied.
 */
export function applyEdits(req: ChatCompletionRequest, units: readonly ScanUnit[], refs: readonly UnitRef[], decided: readonly Decided<Detected>[], vault: MaskVault): ChatCompletionRequest {
  const byUnit = new Map<number, Edit[]>();
  for (const { finding: f, action } of decided) {
    if (action !== 'redact' && action !== 'mask') continue;
    const list = byUnit.get(f.unit) ?? [];
    for (const s of f.spans) list.push({ ...s, action, label: f.label });
    byUnit.set(f.unit, list);
  }
  if (byUnit.size === 0) return req;
  const messages = [...req.messages];
  for (const [unit, edits] of [...byUnit].sort((a, b) => a[0] - b[0])) {
    const ref = refs[unit];
    const text = rewrite(units[unit].text, edits, vault);
    const m = messages[ref.message];
    if (ref.part === null) messages[ref.message] = { ...m, content: text };
    else {
      const parts = Array.isArray(m.content) ? [...m.content] : [];
      parts[ref.part] = { ...parts[ref.part], text };
      messages[ref.message] = { ...m, content: parts };
    }
  }
  return { ...req, messages };
}

/** Pure: the audit's verdict: detectors fired, scores, actions, where (message index, origin), how many; never the text. */
export function toVerdict(action: GuardActionName, decided: readonly Decided<Detected>[], units: readonly ScanUnit[], refs: readonly UnitRef[], status: GuardVerdict['status']): GuardVerdict {
  const findings: GuardFinding[] = decided.map(({ finding: f, action: a }) => ({
    detector: f.detector, version: f.version, score: f.score, action: a,
    message_index: refs[f.unit]?.message ?? f.unit, origin: units[f.unit]?.origin, direction: 'inbound',
    reasons: f.reasons, count: f.spans.length,
  }));
  return { action, findings, status };
}
