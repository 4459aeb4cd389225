/**
 * The vocabulary of the guard: a detector is a small pure module with a name, a version and a
 * `detect` over one piece of text. It answers a score and where (offsets), never what: the matched
 * text does not leave the process that scanned it.
 */
export const DetectorKind = { injection: 'injection', secret: 'secret', pii: 'pii' } as const;
export type DetectorKind = (typeof DetectorKind)[keyof typeof DetectorKind];

/** Where a piece of text came from; indirect injection hides in `tool` and `context`. */
export const Origin = { user: 'user', system: 'system', assistant: 'assistant', tool: 'tool', context: 'context', output: 'output' } as const;
export type Origin = (typeof Origin)[keyof typeof Origin];

/** Half-open [start, end) in UTF-16 code units of the text as written. */
export interface Span {
  start: number;
  end: number;
}

export interface Hit {
  /** How sure, in [0, 1]. */
  score: number;
  spans: Span[];
  /** Short, content-free reasons (rule ids), for the audit. */
  reasons: string[];
}

export interface DetectContext {
  origin: Origin;
}

export interface Detector {
  readonly name: string;
  readonly version: string;
  readonly kind: DetectorKind;
  /** Placeholder label: `[REDACTED_<label>]` and `<<label>_1>`. */
  readonly label: string;
  /**
   * `raw`: runs on the text as written (spans must be exact, for redaction and masking).
   * `normalized`: runs on de-obfuscated variants (NFKC, homoglyphs, leetspeak, decoded payloads).
   */
  readonly input: 'raw' | 'normalized';
  detect(text: string, ctx: DetectContext): Hit | null;
}

/** One piece of text to scan: a message's text (or one text part of it), with role and origin. */
export interface ScanUnit {
  role: string;
  origin: Origin;
  text: string;
}

/** A detector that fired on one unit. */
export interface Finding {
  detector: string;
  version: string;
  kind: DetectorKind;
  label: string;
  score: number;
  unit: number;
  spans: Span[];
  reasons: string[];
}
