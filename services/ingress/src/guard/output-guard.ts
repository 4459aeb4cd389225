import type { ChatCompletion, GuardVerdict } from '@gatehouse/contracts';
import { GatehouseError } from '@gatehouse/contracts';
import { EgressDetectors, EgressStream, type GuardPolicy, type MaskVault, RestoreStream, type TextStream } from '@gatehouse/detectors';

interface Channel {
  egress: EgressStream | null;
  restore: RestoreStream | null;
}

type Json = Record<string, unknown>;
interface ChunkChoice { index: number; delta?: { content?: string | null; tool_calls?: { index: number; function?: { arguments?: string } }[] }; finish_reason?: string | null }

/**
 * The way back for one request: outbound scanning for secret and PII egress (policy
 * `outbound`), then masked values restored, on a whole completion or chunk by chunk. Each text
 * channel (a choice's content, a tool call's arguments) holds back only what a pattern or a
 * token may still complete; the rest is written at once.
 */
export class OutputGuard {
  private readonly channels = new Map<string, Channel>();
  private last: Json | null = null;
  blocked: string | null = null;

  constructor(
    private readonly policy: GuardPolicy,
    private readonly vault: MaskVault,
    private readonly onFindings: (f: GuardVerdict['findings']) => void,
  ) {}

  /** Nothing to do on the way back: chunks pass as the router sent their bytes. */
  get idle(): boolean {
    return !this.policy.enabled || (!this.policy.outbound.enabled && this.vault.size === 0);
  }

  /** A whole completion: scanned and restored; a `block` finding is a 400. */
  completion(c: ChatCompletion): ChatCompletion {
    if (this.idle) return c;
    const choices = c.choices.map((ch) => {
      const msg = { ...ch.message };
      if (typeof msg.content === 'string') msg.content = this.whole(`${ch.index}:c`, msg.content);
      const calls = (msg as { tool_calls?: { function: { arguments: string } }[] }).tool_calls;
      if (calls) (msg as Json).tool_calls = calls.map((t, k) => ({ ...t, function: { ...t.function, arguments: this.whole(`${ch.index}:t${k}`, t.function.arguments) } }));
      return { ...ch, message: msg };
    });
    this.report();
    if (this.blocked) throw this.blockError();
    return { ...c, choices };
  }

  /** One streamed chunk's JSON bytes → the bytes to send (the same bytes when nothing changed). */
  chunk(raw: Uint8Array): Uint8Array {
    if (this.idle || this.blocked) return raw;
    const chunk = JSON.parse(Buffer.from(raw).toString('utf8')) as Json & { choices?: ChunkChoice[] };
    this.last = chunk;
    let changed = false;
    for (const ch of chunk.choices ?? []) {
      const d = ch.delta;
      if (typeof d?.content === 'string') {
        const out = this.channel(`${ch.index}:c`).push(d.content);
        changed ||= out !== d.content;
        d.content = out;
      }
      for (const t of d?.tool_calls ?? []) {
        if (typeof t.function?.arguments !== 'string') continue;
        const out = this.channel(`${ch.index}:t${t.index}`).push(t.function.arguments);
        changed ||= out !== t.function.arguments;
        t.function.arguments = out;
      }
      if (ch.finish_reason && d) {
        const rest = this.flushChoice(ch.index);
        if (rest.content) {
          d.content = (d.content ?? '') + rest.content;
          changed = true;
        }
      }
    }
    this.report();
    return changed ? Buffer.from(JSON.stringify(chunk)) : raw;
  }

  /** At the end of the stream: a last chunk with whatever is still held back (null: nothing). */
  finish(): Uint8Array | null {
    if (this.idle || !this.last) return null;
    const choices: ChunkChoice[] = [];
    for (const key of [...this.channels.keys()]) {
      const index = Number(key.split(':')[0]);
      if (choices.some((c) => c.index === index)) continue;
      const rest = this.flushChoice(index);
      if (rest.content) choices.push({ index, delta: { content: rest.content }, finish_reason: null });
    }
    this.report();
    return choices.length ? Buffer.from(JSON.stringify({ ...this.last, choices, usage: undefined })) : null;
  }

  blockError(): GatehouseError {
    return new GatehouseError('content_policy_violation', `Response blocked by the content policy (${this.blocked}).`);
  }

  private whole(key: string, text: string): string {
    const s = this.channel(key);
    return s.push(text) + s.flush();
  }

  private flushChoice(index: number): { content: string } {
    let content = '';
    for (const [key] of this.channels) if (key === `${index}:c`) content += this.channel(key).flush();
    return { content };
  }

  private channel(key: string): TextStream {
    let c = this.channels.get(key);
    if (!c) {
      c = {
        egress: this.policy.outbound.enabled ? new EgressStream(EgressDetectors, this.policy.outbound.actions) : null,
        restore: this.vault.size > 0 ? new RestoreStream(this.vault) : null,
      };
      this.channels.set(key, c);
    }
    const { egress, restore } = c;
    return {
      push: (t) => {
        const scanned = egress ? egress.push(t) : t;
        if (egress?.blocked) this.blocked = egress.blocked;
        return restore ? restore.push(scanned) : scanned;
      },
      flush: () => {
        const scanned = egress ? egress.flush() : '';
        if (egress?.blocked) this.blocked = egress.blocked;
        return restore ? restore.push(scanned) + restore.flush() : scanned;
      },
    };
  }

  private report(): void {
    const findings: GuardVerdict['findings'] = [];
    for (const [key, c] of this.channels) {
      for (const f of c.egress?.findings.values() ?? []) {
        findings.push({ detector: f.detector, version: f.version, score: 1, action: f.action, message_index: Number(key.split(':')[0]), origin: 'output', direction: 'outbound', count: f.count });
      }
    }
    if (findings.length) this.onFindings(findings);
  }
}
