import type { GuardDetection, RpcRequest, RpcResponse, GuardScanV2 } from '@gatehouse/contracts';
import { BuiltInDetectors, type Detector, type ScanUnit, scanUnits } from '@gatehouse/detectors';
import { type Scorer, ScorerError } from '../scorers/scorer';

/**
 * `gh.rpc.guard.scan.v2`: the built-in engine (in-process, ~1 ms for 8k tokens) and, in
 * parallel, the requested scorers. A failing scorer is reported, never fatal: the caller's
 * policy decides what an incomplete scan means.
 */
export async function detect(
  req: RpcRequest<typeof GuardScanV2>,
  scorers: ReadonlyMap<string, Scorer>,
  detectors: readonly Detector[] = BuiltInDetectors,
): Promise<RpcResponse<typeof GuardScanV2>> {
  const units: ScanUnit[] = req.units;
  const wanted = req.scorers.map((n) => scorers.get(n)).filter((s): s is Scorer => s !== undefined);
  const scored = Promise.allSettled(wanted.map((s) => s.score(units, req.request_id)));
  const detections: GuardDetection[] = scanUnits(units, detectors);
  const scorer_errors: { scorer: string; reason: string }[] = [];
  (await scored).forEach((r, k) => {
    const s = wanted[k];
    if (r.status === 'rejected') {
      scorer_errors.push({ scorer: s.name, reason: r.reason instanceof ScorerError ? r.reason.reason : 'unavailable' });
      return;
    }
    for (const x of r.value) {
      if (x.score < s.threshold) continue;
      detections.push({ detector: s.detector, version: '1.0.0', kind: 'scorer', label: 'UNSAFE', score: x.score, unit: x.unit, spans: [], reasons: x.reasons });
    }
  });
  return { detections, scorer_errors };
}
