/**
 * Reversible tokenisation for one request: the provider sees `<EMAIL_1>`, the client gets the
 * value back. Lives in ingress memory for the request's lifetime only; never serialized.
 */
export class MaskVault {
  private readonly byValue = new Map<string, string>();
  private readonly byToken = new Map<string, string>();
  private readonly counters = new Map<string, number>();

  /** The token for a value (the same value always gets the same token within a request). */
  tokenFor(label: string, value: string): string {
    const known = this.byValue.get(`${label}\u0000${value}`);
    if (known) return known;
    const n = (this.counters.get(label) ?? 0) + 1;
    this.counters.set(label, n);
    const token = `<${label}_${n}>`;
    this.byValue.set(`${label}\u0000${value}`, token);
    this.byToken.set(token, value);
    return token;
  }

  valueOf(token: string): string | undefined {
    return this.byToken.get(token);
  }

  get size(): number {
    return this.byToken.size;
  }

  /** Longest token, bounding what a streaming restore holds back. */
  get maxTokenLength(): number {
    let max = 0;
    for (const t of this.byToken.keys()) max = Math.max(max, t.length);
    return max;
  }
}

export const TOKEN = /<[A-Z][A-Z_]*_\d+>/g;

/** Pure: every known token in `text` replaced by its value; unknown look-alikes are left alone. */
export function restoreText(text: string, vault: MaskVault): string {
  if (vault.size === 0 || !text.includes('<')) return text;
  return text.replace(TOKEN, (t) => vault.valueOf(t) ?? t);
}
