import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ChatCompletion, type ChatCompletionRequest } from '@gatehouse/contracts';
import { ProviderError } from '../types';
import { normalizeFinishReason, parseCompletion, toOpenAIBody, toUsage, type DeploymentShape } from './chat-completions';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
const deployment = (extra: Record<string, unknown> = {}): DeploymentShape => ({ provider: 'openai', providerModel: 'gpt-4o-mini-2024-07-18', extra });
const env = { nowS: 1_800_000_000, id: 'chatcmpl-gh-fallback' };
const ctx = { label: 'openai/gpt-4o-mini', apiKey: 'sk-deploy-secret-key' };
const request = (extra: Partial<ChatCompletionRequest> = {}): ChatCompletionRequest => ({ model: 'alias', messages: [{ role: 'user', content: 'hi' }], ...extra });

describe('toOpenAIBody', () => {
  const cases: [string, ChatCompletionRequest, DeploymentShape, boolean, Record<string, unknown>][] = [
    ['replaces the alias by the provider model', request(), deployment(), false, { model: 'gpt-4o-mini-2024-07-18', messages: [{ role: 'user', content: 'hi' }] }],
    ['drops gateway-only fields', request({ metadata: { tags: ['a'] }, ['mock_response' as string]: 'x', ['fallbacks' as string]: ['y'] }), deployment(), false, {}],
    ['always asks a stream for usage, keeping other stream options', request({ stream: true, stream_options: { include_usage: false, ['x' as string]: 1 } }), deployment(), true, { stream: true, stream_options: { include_usage: true, x: 1 } }],
    ['a plain call never streams', request({ stream: true, stream_options: { include_usage: true } }), deployment(), false, {}],
    ['deployment params are defaults; the request wins', request({ temperature: 0.1 }), deployment({ temperature: 0.9, top_p: 0.5, rpm_extra: 1 }), false, { temperature: 0.1, top_p: 0.5 }],
    ['extra_body is merged in', request(), deployment({ extra_body: { top_k: 20 } }), false, { top_k: 20 }],
    ['unknown client fields are forwarded', request({ ['logprobs' as string]: true, user: 'u1' }), deployment(), false, { logprobs: true, user: 'u1' }],
  ];
  it.each(cases)('%s', (_name, req, dep, stream, expected) => {
    const body = toOpenAIBody(req, dep, stream);
    expect(body).toMatchObject(expected);
    for (const gone of ['metadata', 'mock_response', 'fallbacks', 'rpm_extra', 'extra_body']) expect(body).not.toHaveProperty(gone);
    if (!stream) {
      expect(body).not.toHaveProperty('stream');
      expect(body).not.toHaveProperty('stream_options');
    }
  });

  it('does not mutate the request', () => {
    const req = request({ metadata: { a: 1 }, stream: true });
    toOpenAIBody(req, deployment(), true);
    expect(req).toEqual(request({ metadata: { a: 1 }, stream: true }));
  });
});

describe('normalizeFinishReason', () => {
  it.each([
    ['stop', 'stop'], ['length', 'length'], ['tool_calls', 'tool_calls'], ['content_filter', 'content_filter'],
    ['eos', 'stop'], ['end_turn', 'stop'], ['max_tokens', 'length'], ['tool_use', 'tool_calls'], ['something_new', 'stop'],
    [null, null], [undefined, null],
  ])('%p → %p', (raw, expected) => expect(normalizeFinishReason(raw)).toBe(expected));
});

describe('toUsage', () => {
  it('fills total_tokens when a server omits it and keeps details', () => {
    expect(toUsage({ prompt_tokens: 3, completion_tokens: 4 })).toEqual({ prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 });
    expect(toUsage({ prompt_tokens: 3, completion_tokens: 4, total_tokens: 9, prompt_tokens_details: { cached_tokens: 2 } })).toMatchObject({ total_tokens: 9, prompt_tokens_details: { cached_tokens: 2 } });
  });
});

describe('parseCompletion (fixtures)', () => {
  const cases: [string, Record<string, unknown>][] = [
    ['openai-completion.json', { id: 'chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT', model: 'gpt-4o-mini-2024-07-18', system_fingerprint: 'fp_06737a9306',
      choices: [{ index: 0, message: { role: 'assistant', content: 'Hello! How can I assist you today?', refusal: null }, finish_reason: 'stop', logprobs: null }],
      usage: { prompt_tokens: 19, completion_tokens: 10, total_tokens: 29, completion_tokens_details: { reasoning_tokens: 0 } } }],
    ['openai-tool-call.json', { choices: [{ message: { content: null, tool_calls: [{ id: 'call_abc123', type: 'function', function: { name: 'get_current_weather' } }] }, finish_reason: 'tool_calls' }] }],
    ['vllm-completion.json', { model: 'meta-llama/Llama-3.1-8B-Instruct', choices: [{ message: { content: 'Paris.', reasoning_content: null }, stop_reason: null }], usage: { total_tokens: 14 } }],
    ['ollama-completion.json', { choices: [{ message: { tool_calls: [{ function: { name: 'lookup', arguments: '{"q":"cats"}' } }] }, finish_reason: 'tool_calls' }], usage: { total_tokens: 38 } }],
  ];
  it.each(cases)('%s becomes a valid ChatCompletion', (name, expected) => {
    const out = parseCompletion(fixture(name), deployment(), env, ctx);
    expect(ChatCompletion.parse(out)).toBeTruthy();
    expect(out).toMatchObject(expected);
  });

  it('drops an empty tool_calls array (vLLM) instead of forwarding it', () => {
    expect(parseCompletion(fixture('vllm-completion.json'), deployment(), env, ctx).choices[0].message).not.toHaveProperty('tool_calls');
  });

  it('fills id, created and model when a minimal server omits them', () => {
    const out = parseCompletion('{"choices":[{"message":{"content":"x"},"finish_reason":"stop"}]}', deployment(), env, ctx);
    expect(out).toMatchObject({ id: env.id, object: 'chat.completion', created: env.nowS, model: 'gpt-4o-mini-2024-07-18', choices: [{ index: 0, message: { role: 'assistant' } }] });
    expect(out).not.toHaveProperty('usage');
  });

  it.each([
    ['not JSON', '<html>oops</html>', /not JSON/],
    ['no choices', '{"id":"x"}', /unexpected response \(choices/],
    ['a 200 carrying an error, key scrubbed', '{"error":{"message":"bad key sk-deploy-secret-key"}}', /answered with an error: bad key \*\*\*/],
  ])('%s is a server error', (_name, text, message) => {
    const err = (() => {
      try {
        parseCompletion(text, deployment(), env, ctx);
      } catch (e) {
        return e;
      }
    })() as ProviderError;
    expect(err).toBeInstanceOf(ProviderError);
    expect(err.kind).toBe('server');
    expect(err.message).toMatch(message);
    expect(err.message).not.toContain(ctx.apiKey);
  });
});
