import type { ChatCompletion, ChatCompletionRequest, ContentLevel, GuardVerdict } from '@gatehouse/contracts';
import { EgressDetectors, MaskVault, rewrite, scanUnits } from '@gatehouse/detectors';

interface ChoiceText {
  index: number;
  content: string;
  tool_calls: { name: string; arguments: string }[];
  finish_reason: string | null;
}

/**
 * The completion as it streams past, assembled incrementally: each chunk's deltas are appended
 * (never the chunks kept), so capture costs a JSON parse per chunk and the text itself.
 */
export class CompletionText {
  private readonly choices = new Map<number, ChoiceText>();
  complete = false;

  private choice(index: number): ChoiceText {
    let c = this.choices.get(index);
    if (!c) this.choices.set(index, (c = { index, content: '', tool_calls: [], finish_reason: null }));
    return c;
  }

  /** One streamed chunk (OpenAI chunk JSON); an unparseable one is ignored. */
  chunk(raw: Uint8Array): void {
    let c: { choices?: { index: number; delta?: { content?: string | null; tool_calls?: { index: number; function?: { name?: string; arguments?: string } }[] }; finish_reason?: string | null }[] };
    try {
      c = JSON.parse(Buffer.from(raw).toString('utf8')) as typeof c;
    } catch {
      return;
    }
    for (const ch of c.choices ?? []) {
      const acc = this.choice(ch.index);
      if (typeof ch.delta?.content === 'string') acc.content += ch.delta.content;
      for (const t of ch.delta?.tool_calls ?? []) {
        const call = (acc.tool_calls[t.index] ??= { name: '', arguments: '' });
        call.name += t.function?.name ?? '';
        call.arguments += t.function?.arguments ?? '';
      }
      if (ch.finish_reason) acc.finish_reason = ch.finish_reason;
    }
  }

  /** A whole (non-streamed) completion. */
  whole(c: ChatCompletion): void {
    for (const ch of c.choices) {
      const acc = this.choice(ch.index);
      acc.content = typeof ch.message.content === 'string' ? ch.message.content : '';
      acc.tool_calls = (ch.message.tool_calls ?? []).map((t) => ({ name: t.function.name, arguments: t.function.arguments }));
      acc.finish_reason = ch.finish_reason ?? null;
    }
    this.complete = true;
  }

  get list(): ChoiceText[] {
    return [...this.choices.values()].sort((a, b) => a.index - b.index).map((c) => ({ ...c, tool_calls: c.tool_calls.filter(Boolean) }));
  }
}

const textOf = (content: unknown): string =>
  typeof content === 'string' ? content : Array.isArray(content) ? content.map((p: { text?: unknown }) => (typeof p?.text === 'string' ? p.text : '')).join('') : '';

/** Where an answer served from the cache came from (docs/adr/0011): no provider saw this request. */
export interface CacheServed {
  status: 'hit' | 'semantic-hit';
  /** The request whose provider answer was stored and served again. */
  entry_request_id: string;
  /** What that answer cost when it was paid for: the spend this hit deflected. */
  saved_usd: number;
  similarity?: number;
}

/**
 * Why a refused or failed request ended (docs/adr/0012): our error code and status, and for a guard
 * refusal which detectors decided what (names and counts, never the matched text). No error
 * message: a provider's may echo what it was sent.
 */
export interface ContentErrorDoc {
  code: string;
  http_status: number;
  guard?: { detector: string; action: string; direction: string; count: number }[];
}

/** Pure: how a request that got no answer ended: a 4xx is a refusal (of the gateway or the provider), a 5xx a failure. */
export const outcomeOf = (httpStatus: number): 'refused' | 'failed' => (httpStatus < 500 ? 'refused' : 'failed');

/** Pure: the error part of a document; a guard refusal names its findings. */
export function errorDoc(code: string, httpStatus: number, verdict: GuardVerdict | null): ContentErrorDoc {
  const findings = code === 'content_policy_violation' ? (verdict?.findings ?? []) : [];
  return {
    code, http_status: httpStatus,
    ...(findings.length ? { guard: findings.map((f) => ({ detector: f.detector, action: f.action, direction: f.direction ?? 'inbound', count: f.count ?? 1 })) } : {}),
  };
}

/**
 * Pure: what is sealed for a request. Every level has the shape (roles and sizes, finish reasons);
 * `redacted` and `full` add the messages (the caller passes the redacted or the original request)
 * and the completion's texts. An answer served from the cache says so, and a refused or failed
 * request its error, whatever the level.
 */
export function contentDocument(level: ContentLevel, req: ChatCompletionRequest, completion: CompletionText, cache?: CacheServed, error?: ContentErrorDoc) {
  const choices = completion.list;
  const shape = {
    model: req.model,
    messages: req.messages.map((m) => ({ role: m.role, chars: textOf(m.content).length })),
    completion: choices.map((c) => ({ index: c.index, chars: c.content.length, tool_calls: c.tool_calls.map((t) => t.name), finish_reason: c.finish_reason })),
    complete: completion.complete,
  };
  const extra = { ...(cache ? { cache } : {}), ...(error ? { error } : {}) };
  if (level === 'metadata') return { v: 1, level, shape, ...extra };
  const kept = level === 'redacted' ? choices.map((c) => ({ ...c, content: redactEgress(c.content), tool_calls: c.tool_calls.map((t) => ({ ...t, arguments: redactEgress(t.arguments) })) })) : choices;
  return { v: 1, level, shape, ...extra, request: { model: req.model, messages: req.messages }, completion: kept };
}

/**
 * Pure: what the model wrote, with every PII and secret the egress detectors find (score ≥ 0.5)
 * replaced by `[REDACTED_<label>]`: the `redacted` level stores no such value, whoever wrote it.
 */
export function redactEgress(text: string): string {
  if (text.length === 0) return text;
  const findings = scanUnits([{ role: 'assistant', origin: 'output', text }], EgressDetectors).filter((f) => f.score >= 0.5);
  const edits = findings.flatMap((f) => f.spans.map((s) => ({ ...s, action: 'redact' as const, label: f.label })));
  return rewrite(text, edits, new MaskVault()); // redact only: the vault is never asked
}
