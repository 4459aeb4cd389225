import type { Origin } from '@gatehouse/detectors';
import type { Example } from '../injection-set';
import type { Row } from './row';

/** Rows in the first sessions' shape: the detectors that should fire (empty: benign). */
export type LegacyRow = [text: string, expect: string[], origin: Origin];

export function build(prefix: string, rows: LegacyRow[]): Example[] {
  return rows.map(([text, expect, origin], i) => ({ id: `${prefix}-${i + 1}`, text, origin, expect }));
}

/** Pure: labelled rows as examples (`benign` → nothing should fire). */
export function fromRows(prefix: string, rows: readonly Row[]): Example[] {
  return rows.map(([text, label, origin], i) => ({ id: `${prefix}-${i + 1}`, text, origin, expect: label === 'benign' ? [] : [label] }));
}
