/**
 * Secrets must never reach a log line, an event, a trace or an error message. These patterns
 * catch the credential formats that travel through a gateway; `scrubSecrets` replaces each with
 * a marker that keeps only its kind.
 */
const SECRET_PATTERNS: [RegExp, string][] = [
  [/\bBearer\s+[A-Za-z0-9._~+/=-]{6,}/gi, 'Bearer ***'],
  [/\bsk-[A-Za-z0-9_-]{6,}/g, 'sk-***'], // OpenAI, Anthropic (sk-ant-…), Gatehouse virtual keys (sk-gh-…)
  [/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, 'jwt-***'],
  [/\b(AKIA|ASIA)[A-Z0-9]{16}\b/g, 'aws-key-***'],
  [/\bAIza[0-9A-Za-z_-]{35}\b/g, 'google-key-***'],
  [/\b[0-9a-f]{64}\b/g, 'sha256-***'], // key digests are secrets too: one identifies a key
];

export function scrubSecrets(text: string): string {
  let out = text;
  for (const [re, marker] of SECRET_PATTERNS) out = out.replace(re, marker);
  return out;
}

/** Deep copy of a log record with every string scrubbed. */
export function scrubValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubSecrets(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => scrubValue(v, depth + 1));
  if (value instanceof Error) return { type: value.name, message: scrubSecrets(value.message) };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = scrubValue(v, depth + 1);
  return out;
}
