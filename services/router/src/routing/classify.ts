import type { AutoVerdict, ChatCompletionRequest } from '@gatehouse/contracts';
import type { AutoRouting } from '@gatehouse/config';

/**
 * Pure: the `model: auto` complexity classifier. A score in [0, 1] from four features anyone can
 * check by reading the request — prompt length, code, reasoning cues, tools — each with a fixed
 * share, and the reasons that produced it. The first tier whose `max_score` covers the score
 * serves. Cheap on purpose (one pass over the text, no model): it runs on every auto request.
 */
const SHARE = { length: 0.4, code: 0.25, reasoning: 0.25, tools: 0.2 } as const;
const CODE = /```|\bfunction\s+\w+\s*\(|\bdef\s+\w+\s*\(|\bclass\s+\w+|\bimport\s+[\w{]|#include\s*<|=>\s*\{|;\s*\n|\bSELECT\s+.+\s+FROM\b/i;
const REASONING = /\b(prove|proof|derive|step[- ]by[- ]step|reason(?:ing)?|analy[sz]e|compare|trade-?offs?|why|explain|evaluate|optimi[sz]e|design|plan)\b/gi;

export function classifyComplexity(request: ChatCompletionRequest, auto: AutoRouting): AutoVerdict {
  const text = textOf(request);
  const reasons: string[] = [];
  const tokens = Math.ceil(text.length / 4);
  const lengthPart = Math.min(1, tokens / auto.long_prompt_tokens) * SHARE.length;
  if (lengthPart > 0) reasons.push(`length: ~${tokens} tokens (+${round(lengthPart)})`);
  let score = lengthPart;
  if (CODE.test(text)) {
    score += SHARE.code;
    reasons.push(`code (+${SHARE.code})`);
  }
  const cues = new Set((text.match(REASONING) ?? []).map((c) => c.toLowerCase()));
  if (cues.size > 0) {
    const part = Math.min(1, cues.size / 3) * SHARE.reasoning;
    score += part;
    reasons.push(`reasoning cues: ${[...cues].slice(0, 5).join(', ')} (+${round(part)})`);
  }
  if ((request.tools?.length ?? 0) > 0) {
    score += SHARE.tools;
    reasons.push(`tools: ${request.tools!.length} (+${SHARE.tools})`);
  }
  score = round(Math.min(1, score));
  const tier = auto.tiers.find((t) => score <= t.max_score) ?? auto.tiers[auto.tiers.length - 1];
  return { score, group: tier.group, reasons };
}

function textOf(request: ChatCompletionRequest): string {
  let out = '';
  for (const m of request.messages) {
    if (typeof m.content === 'string') out += `${m.content}\n`;
    else if (Array.isArray(m.content)) for (const p of m.content) if (p.type === 'text' && typeof p.text === 'string') out += `${p.text}\n`;
  }
  return out;
}

const round = (n: number) => Math.round(n * 1000) / 1000;
