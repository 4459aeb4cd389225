import type { Span } from '../types';
import type { MaskVault } from './vault';

export interface Edit extends Span {
  action: 'redact' | 'mask';
  label: string;
}

/**
 * Pure but for the vault: `text` with each edit applied: `redact` → `[REDACTED_<label>]`, `mask`
 * → a vault token. Overlapping edits merge into one; `redact` wins over `mask` (it is stricter).
 */
export function rewrite(text: string, edits: readonly Edit[], vault: MaskVault): string {
  if (edits.length === 0) return text;
  const sorted = [...edits].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Edit[] = [];
  for (const e of sorted) {
    const last = merged[merged.length - 1];
    if (last && e.start < last.end) {
      last.end = Math.max(last.end, e.end);
      if (e.action === 'redact' && last.action !== 'redact') Object.assign(last, { action: 'redact', label: e.label });
    } else merged.push({ ...e });
  }
  let out = '';
  let at = 0;
  for (const e of merged) {
    out += text.slice(at, e.start);
    const value = text.slice(e.start, e.end);
    out += e.action === 'redact' ? `[REDACTED_${e.label}]` : vault.tokenFor(e.label, value);
    at = e.end;
  }
  return out + text.slice(at);
}
