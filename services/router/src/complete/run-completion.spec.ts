import type { ChatCompletionChunk, EndFrame, ErrorFrame, RouteOutcome } from '@gatehouse/contracts';
import type { Deployment } from '@gatehouse/config';
import { ProviderError, type ProviderAdapter, type ProviderCall } from '@gatehouse/providers';
import { RoutingState } from '../routing/routing-state';
import type { RoutingSettings } from '../routing/routing-settings';
import { type Deployments, type FrameSink, runCompletion, type RouterRequest } from './run-completion';

/** The attempt loop against scripted adapters: which deployment answers what. */
type Script = Record<string, (call: ProviderCall) => ChatCompletionChunk[] | ProviderError>;
const dep = (id: string, group: string, o: Partial<Deployment> = {}) =>
  ({ id, group, provider: 'fake', providerModel: id, weight: 1, order: null, rpm: null, tpm: null, timeoutMs: 1000, streamTimeoutMs: null, inputCostPerToken: null, outputCostPerToken: null, tags: [], modelInfo: {}, extra: {}, ...o }) as Deployment;
const chunk = (content: string | null, role?: string): ChatCompletionChunk => ({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: { ...(role ? { role } : {}), content }, finish_reason: content === null ? null : undefined }] });

function setup(deps: Deployment[], script: Script, settings: Partial<RoutingSettings> = {}) {
  const calls: string[] = [];
  const adapter: ProviderAdapter = {
    providers: ['fake'],
    async chat(call) {
      calls.push(call.deployment.id);
      const r = script[call.deployment.id](call);
      if (r instanceof ProviderError) throw r;
      return { id: 'x', object: 'chat.completion', created: 1, model: 'm', choices: [{ index: 0, message: { role: 'assistant', content: r.map((c) => c.choices[0].delta.content ?? '').join('') }, finish_reason: 'stop' }] };
    },
    async *chatStream(call) {
      calls.push(call.deployment.id);
      const r = script[call.deployment.id](call);
      if (r instanceof ProviderError) throw r;
      for (const c of r) yield c;
    },
  };
  const deployments: Deployments = {
    group: (m) => (deps.some((d) => d.group === m) ? deps.filter((d) => d.group === m) : null),
    routable: (d) => ({ deployment: d, adapter, apiKey: null, params: {} }),
    numRetries: 2,
  };
  const full: RoutingSettings = {
    strategy: 'simple-shuffle', numRetries: 2, minBackoffMs: 0, maxBackoffMs: 0, allowedFails: 3, cooldownMs: 5000, failWindowMs: 60_000,
    fallbacks: new Map(), contextWindowFallbacks: new Map(), contentPolicyFallbacks: new Map(), latencyExplore: 0, auto: null, ...settings,
  };
  return { calls, deployments, routing: new RoutingState(full, 'r-test', () => undefined, () => 0) };
}

async function run(s: ReturnType<typeof setup>, model: string, o: Partial<RouterRequest> = {}) {
  const out: { chunks: ChatCompletionChunk[]; end?: EndFrame; error?: ErrorFrame } = { chunks: [] };
  const sink: FrameSink = { signal: new AbortController().signal, chunk: async (c) => (out.chunks.push(c), true), end: (f) => (out.end = f), error: (f) => (out.error = f) };
  await runCompletion({ request_id: 'r', model, stream: false, request: { model, messages: [{ role: 'user', content: 'hi' }] }, ...o }, sink, s.deployments, s.routing);
  return { ...out, route: (out.end?.route ?? out.error?.route) as RouteOutcome };
}

const ok = () => [chunk('', 'assistant'), chunk('hello')];

it('moves to context_window_fallbacks on a context-window error, without blaming the deployment', async () => {
  const s = setup([dep('small', 'small'), dep('big', 'big')], { small: () => new ProviderError('context_window', 'too long', 400), big: ok }, { contextWindowFallbacks: new Map([['small', ['big']]]) });
  const r = await run(s, 'small');
  expect(r.end?.route).toMatchObject({ group: 'big', fallbacks: [{ from: 'small', to: 'big', reason: 'context_window' }] });
  expect(s.calls).toEqual(['small', 'big']);
});

it('moves to content_policy_fallbacks on a content-filter refusal', async () => {
  const s = setup([dep('strict', 'strict'), dep('lenient', 'lenient')], { strict: () => new ProviderError('content_filter', 'no', 400), lenient: ok }, { contentPolicyFallbacks: new Map([['strict', ['lenient']]]) });
  expect((await run(s, 'strict')).end?.route.group).toBe('lenient');
});

it('never retries nor falls back on a bad request, and never cools the deployment for it', async () => {
  const s = setup([dep('a', 'g'), dep('b', 'g'), dep('c', 'other')], { a: () => new ProviderError('bad_request', 'bad', 400), b: () => new ProviderError('bad_request', 'bad', 400), c: ok }, { fallbacks: new Map([['g', ['other']]]), allowedFails: 0 });
  for (let i = 0; i < 3; i++) expect((await run(s, 'g')).error?.error.code).toBe('invalid_request');
  expect(s.calls).toHaveLength(3);
  expect(s.routing.cooling(Date.now())).toEqual({});
});

it('skips a deployment whose credential is refused and serves from another', async () => {
  const s = setup([dep('a', 'g'), dep('b', 'g')], { a: () => new ProviderError('auth', 'bad key', 401), b: ok });
  expect((await run(s, 'g')).end?.route.deployment_id).toBe('b');
});

it('fails a stream over transparently when the provider errors after the role chunk but before content', async () => {
  const s = setup([dep('a', 'g'), dep('b', 'g')], { a: ok, b: ok });
  // a answers 200, sends the role chunk, then an error event: nothing the client would see went out.
  s.deployments.routable = ((orig) => (d: Deployment) => {
    const t = orig(d);
    if (d.id !== 'a') return t;
    return { ...t, adapter: { ...t.adapter, async *chatStream() { yield chunk('', 'assistant'); throw new ProviderError('server', 'in-stream error'); } } };
  })(s.deployments.routable);
  const r = await run(s, 'g', { stream: true });
  expect(r.end?.route.deployment_id).toBe('b');
  expect(r.chunks.map((c) => c.choices[0].delta.content).join('')).toBe('hello');
  expect(r.route.tries?.map((t) => t.outcome)).toEqual(['server', 'ok']);
});

it('records the auto classifier verdict and routes to its tier', async () => {
  const auto = { alias: 'auto', long_prompt_tokens: 2000, tiers: [{ group: 'cheap', max_score: 0.3 }, { group: 'smart', max_score: 1 }] };
  const s = setup([dep('c', 'cheap'), dep('s', 'smart')], { c: ok, s: ok }, { auto });
  const easy = await run(s, 'auto');
  expect(easy.end?.route).toMatchObject({ group: 'cheap', auto: { group: 'cheap' } });
  const hard = await run(s, 'auto', { request: { model: 'auto', messages: [{ role: 'user', content: '```ts\nfunction f() {}\n```\nprove it, derive it, analyze it' }], tools: [{ type: 'function' }] } });
  expect(hard.end?.route.auto).toMatchObject({ group: 'smart' });
  expect(hard.end?.route.auto?.reasons.join(' ')).toContain('tools');
});

it('gives up at once when the only deployment refuses its credential: no retry rounds, no spin', async () => {
  const s = setup([dep('only', 'g')], { only: () => new ProviderError('auth', 'Incorrect API key provided', 401) }, { numRetries: 3 });
  const started = Date.now();
  const r = await run(s, 'g');
  expect(Date.now() - started).toBeLessThan(1_000);
  expect(s.calls).toEqual(['only']);
  expect(r.error?.error.code).toBe('upstream_error');
});
