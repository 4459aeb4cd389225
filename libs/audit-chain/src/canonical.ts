/**
 * Canonical JSON (the shape of RFC 8785 / JCS for the values JSON.parse yields): object keys
 * sorted by UTF-16 code units, no whitespace, numbers and strings as ECMAScript's JSON.stringify
 * writes them, `undefined` members dropped. The same event therefore has one byte form whether it
 * was read from JetStream or back from a Postgres `jsonb` column (which reorders keys).
 */
export function canonicalJson(value: unknown): string {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalizationError(`not a JSON number: ${value}`);
      return JSON.stringify(value);
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
      const obj = value as Record<string, unknown>;
      const parts: string[] = [];
      for (const k of Object.keys(obj).sort()) {
        const v = obj[k];
        if (v !== undefined) parts.push(`${JSON.stringify(k)}:${canonicalJson(v)}`);
      }
      return `{${parts.join(',')}}`;
    }
    default:
      throw new CanonicalizationError(`not JSON: ${typeof value}`);
  }
}

export class CanonicalizationError extends Error {
  override readonly name = 'CanonicalizationError';
}
