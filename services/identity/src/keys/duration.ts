const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** Pure: LiteLLM's duration string (`30s`, `15m`, `12h`, `30d`, `2w`; bare number = seconds) in ms. */
export function durationMs(text: string): number {
  const m = /^(\d{1,6})([smhdw]?)$/.exec(text);
  if (!m) throw new RangeError(`not a duration: ${text}`);
  return Number(m[1]) * UNIT_MS[m[2] || 's'];
}

/** Pure: `now + duration` as an ISO timestamp, or null for no duration. */
export function expiresAfter(now: Date, duration: string | null | undefined): string | null {
  return duration ? new Date(now.getTime() + durationMs(duration)).toISOString() : null;
}
