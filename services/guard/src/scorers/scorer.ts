import type { ScanUnit } from '@gatehouse/detectors';

/** What a pluggable scorer says about one unit: a score in [0, 1] and content-free reasons. */
export interface ScorerResult {
  unit: number;
  score: number;
  reasons: string[];
}

/** A heavier second opinion next to the built-in rules (a guard model, an external scanner). */
export interface Scorer {
  readonly name: 'model' | 'http';
  /** The detector name its findings carry (`scorer.guard_model`, `scorer.http`). */
  readonly detector: string;
  readonly threshold: number;
  /** Scores the units it is configured for; rejects on timeout or a bad answer. */
  score(units: readonly ScanUnit[], requestId: string): Promise<ScorerResult[]>;
}

export class ScorerError extends Error {
  override readonly name = 'ScorerError';
  constructor(
    readonly scorer: string,
    readonly reason: 'timeout' | 'unavailable' | 'bad_answer',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Pure: Llama Guard's answer (`safe`, or `unsafe` and a line of categories like `S1,S10`). */
export function parseLlamaGuard(text: string): { score: number; reasons: string[] } | null {
  const [first, second] = text.trim().split(/\r?\n/).map((l) => l.trim());
  if (/^safe\b/i.test(first ?? '')) return { score: 0, reasons: [] };
  if (/^unsafe\b/i.test(first ?? '')) {
    const cats = (second ?? '').split(/[,\s]+/).filter((c) => /^S\d{1,2}$/i.test(c)).map((c) => `llama_guard.${c.toUpperCase()}`);
    return { score: 1, reasons: cats.length ? cats : ['llama_guard.unsafe'] };
  }
  return null;
}

/** Pure: a bare probability (Prompt-Guard style classifiers behind a text wrapper), or `LABEL: p`. */
export function parseProbability(text: string): { score: number; reasons: string[] } | null {
  const m = /(?:([A-Z_]+)\s*[:=]\s*)?([01](?:\.\d+)?|\.\d+)/i.exec(text.trim());
  if (!m) return null;
  const score = Number(m[2]);
  return Number.isFinite(score) && score >= 0 && score <= 1 ? { score, reasons: m[1] ? [`model.${m[1].toLowerCase()}`] : [] } : null;
}

/** Pure: an external scanner's JSON (`score` | `risk_score` | `flagged`, `reasons` | `categories`). */
export function parseScannerAnswer(body: unknown): { score: number; reasons: string[] } | null {
  if (!body || typeof body !== 'object') return null;
  const b = body as Record<string, unknown>;
  const raw = typeof b.score === 'number' ? b.score : typeof b.risk_score === 'number' ? b.risk_score : typeof b.flagged === 'boolean' ? (b.flagged ? 1 : 0) : null;
  if (raw === null || raw < 0 || raw > 1) return null;
  const reasons = Array.isArray(b.reasons) ? b.reasons.filter((r): r is string => typeof r === 'string')
    : b.categories && typeof b.categories === 'object' ? Object.entries(b.categories as Record<string, unknown>).filter(([, v]) => v === true).map(([k]) => k) : [];
  return { score: raw, reasons: reasons.slice(0, 8).map((r) => `http.${r}`.slice(0, 64)) };
}
