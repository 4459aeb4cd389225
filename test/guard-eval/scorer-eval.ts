import { parseLlamaGuard, parseProbability } from '../../services/guard/src/scorers/scorer';
import { asFamily, evaluate, fired, markdown } from './evaluate';
import { blindSet } from './blind';
import { type Example, InjectionSet } from './injection-set';

/**
 * Evaluates a guard model deployment (Prompt-Guard / Llama-Guard on vLLM, any OpenAI-compatible
 * endpoint) on the injection sets, asked exactly as the guard's model scorer asks it (one user
 * message with the unit's text, max_tokens 16, temperature 0), alone and next to the built-in
 * engine. No such model is available where this was written, so no figures exist yet:
 *   GUARD_EVAL_MODEL_URL=http://127.0.0.1:8000/v1 GUARD_EVAL_MODEL=llama-guard \
 *   GUARD_EVAL_MODEL_FORMAT=llama_guard|probability [GUARD_EVAL_MODEL_KEY=…] [GUARD_EVAL_BLIND=1] \
 *   node dist/test/guard-eval/scorer-eval.js
 * The blind set, when asked for, is reported as aggregates only (see run.ts).
 */
export type Ask = (text: string) => Promise<string>;

export function askEndpoint(url: string, model: string, apiKey?: string): Ask {
  return async (text) => {
    const res = await fetch(`${url.replace(/\/$/, '')}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) },
      body: JSON.stringify({ model, messages: [{ role: 'user', content: text }], max_tokens: 16, temperature: 0 }),
      signal: AbortSignal.timeout(30_000),
    });
    if (!res.ok) throw new Error(`guard model answered ${res.status}`);
    const body = (await res.json()) as { choices?: { message?: { content?: string } }[] };
    return body.choices?.[0]?.message?.content ?? '';
  };
}

/** The model's score per example (an unreadable answer counts as 0 and is counted). */
export async function modelScores(set: readonly Example[], ask: Ask, format: 'llama_guard' | 'probability', parallel = 4): Promise<{ scores: Map<string, number>; unreadable: number }> {
  const parse = format === 'llama_guard' ? parseLlamaGuard : parseProbability;
  const scores = new Map<string, number>();
  let unreadable = 0;
  for (let i = 0; i < set.length; i += parallel) {
    await Promise.all(set.slice(i, i + parallel).map(async (ex) => {
      const r = parse(await ask(ex.text));
      if (!r) unreadable++;
      scores.set(ex.id, r?.score ?? 0);
    }));
  }
  return { scores, unreadable };
}

/** Pure: hits for the model alone and for the built-in engine with the model, as injection-family detections. */
export function modelHits(set: readonly Example[], scores: Map<string, number>, builtIn: Map<string, Set<string>>, threshold = 0.5): { alone: Map<string, Set<string>>; combined: Map<string, Set<string>> } {
  const alone = new Map(set.map((ex) => [ex.id, new Set((scores.get(ex.id) ?? 0) >= threshold ? ['prompt_injection'] : [])]));
  const combined = new Map(set.map((ex) => [ex.id, new Set([...(builtIn.get(ex.id) ?? []), ...alone.get(ex.id)!])]));
  return { alone: asFamily(set, alone), combined: asFamily(set, combined) };
}

/** Pure: the report for one set (figures only: misses are never printed here). */
export function report(title: string, set: readonly Example[], scores: Map<string, number>): string {
  const { alone, combined } = modelHits(set, scores, fired(set));
  const family = (rows: ReturnType<typeof evaluate>) => rows.filter((r) => r.detector.startsWith('injection'));
  return [markdown(`${title}: guard model alone`, family(evaluate(set, alone))), markdown(`${title}: built-in engine + guard model`, family(evaluate(set, combined)))].join('\n\n');
}

async function main(): Promise<void> {
  const url = process.env.GUARD_EVAL_MODEL_URL;
  if (!url) throw new Error('set GUARD_EVAL_MODEL_URL (an OpenAI-compatible base URL serving the guard model)');
  const format = process.env.GUARD_EVAL_MODEL_FORMAT === 'probability' ? 'probability' : 'llama_guard';
  const ask = askEndpoint(url, process.env.GUARD_EVAL_MODEL ?? 'llama-guard', process.env.GUARD_EVAL_MODEL_KEY);
  const sets: [string, readonly Example[]][] = [['Labelled set', InjectionSet]];
  const blind = blindSet();
  if (blind) sets.push(['Blind set 2 (aggregate only)', blind.set]);
  for (const [title, set] of sets) {
    const { scores, unreadable } = await modelScores(set, ask, format);
    console.log(`${report(`${title} (${set.length} examples)`, set, scores)}\n\nunreadable answers: ${unreadable}\n`);
  }
}

if (require.main === module) main().catch((err) => {
  console.error(String(err));
  process.exitCode = 1;
});
