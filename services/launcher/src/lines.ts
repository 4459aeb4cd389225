/**
 * Pure: splits a byte stream into lines across chunk boundaries. `push` returns the complete
 * lines; `flush` returns what is left when the stream ends.
 */
export function lineSplitter(): { push(chunk: string): string[]; flush(): string[] } {
  let rest = '';
  return {
    push(chunk) {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop() ?? '';
      return parts.map((l) => l.replace(/\r$/, ''));
    },
    flush() {
      const out = rest ? [rest] : [];
      rest = '';
      return out;
    },
  };
}

/** `[ingress#0] {"level":"info",...}`: the line stays byte-identical after the prefix, so pino JSON still parses. */
export function prefixLine(label: string, line: string): string {
  return `[${label}] ${line}`;
}

/**
 * True for the JSON log record a service writes once it serves: `{"msg":"<name> ready"}` from
 * `runAsProcess` (libs/nats), or `<name> started` / `<name> listening` from services with their own main.
 */
export function isReadyLine(service: string, line: string): boolean {
  if (!line.startsWith('{')) return false;
  try {
    const rec = JSON.parse(line) as { msg?: unknown };
    return typeof rec.msg === 'string' && new RegExp(`^${service} (ready|started|listening)\\b`).test(rec.msg);
  } catch {
    return false;
  }
}
