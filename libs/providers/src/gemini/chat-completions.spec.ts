import { ChatCompletion, type ChatCompletionRequest } from '@gatehouse/contracts';
import { fromGeminiResponse, geminiFinishReason, geminiUsage, toGeminiBody } from './chat-completions';
import { WireResponse } from './wire';

const deployment = { provider: 'gemini', providerModel: 'gemini-2.5-flash', extra: {} as Record<string, unknown> };
const env = { nowS: 1_800_000_000, id: 'chatcmpl-gh-0b5c1e2a-aaaa-bbbb-cccc-1234567890ab' };
const req = (extra: Partial<ChatCompletionRequest>): ChatCompletionRequest => ({ model: 'alias', messages: [{ role: 'user', content: 'hi' }], ...extra });
const fn = (name: string, parameters?: unknown) => ({ type: 'function', function: { name, ...(parameters ? { parameters } : {}) } });

describe('toGeminiBody: generationConfig, tools, toolConfig', () => {
  it.each<[string, Partial<ChatCompletionRequest>, Record<string, unknown>]>([
    ['nothing to configure', {}, {}],
    ['sampling and limits', { temperature: 0.2, top_p: 0.9, max_tokens: 100, seed: 7, n: 2 }, { generationConfig: { temperature: 0.2, topP: 0.9, maxOutputTokens: 100, seed: 7, candidateCount: 2 } }],
    ['max_completion_tokens wins over max_tokens', { max_tokens: 100, max_completion_tokens: 50 }, { generationConfig: { maxOutputTokens: 50 } }],
    ['stop string → stopSequences', { stop: 'END' }, { generationConfig: { stopSequences: ['END'] } }],
    ['stop array', { stop: ['a', 'b'] }, { generationConfig: { stopSequences: ['a', 'b'] } }],
    ['penalties', { presence_penalty: 0.5, frequency_penalty: 0.1 } as Partial<ChatCompletionRequest>, { generationConfig: { presencePenalty: 0.5, frequencyPenalty: 0.1 } }],
    ['json_object', { response_format: { type: 'json_object' } }, { generationConfig: { responseMimeType: 'application/json' } }],
    [
      'json_schema → responseSchema, cleaned',
      { response_format: { type: 'json_schema', json_schema: { name: 'x', strict: true, schema: { type: 'object', additionalProperties: false, properties: { a: { type: 'string' } }, required: ['a'] } } } },
      { generationConfig: { responseMimeType: 'application/json', responseSchema: { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] } } },
    ],
    ['text format is the default', { response_format: { type: 'text' } }, {}],
    ['reasoning_effort → thinking budget', { reasoning_effort: 'low' } as Partial<ChatCompletionRequest>, { generationConfig: { thinkingConfig: { thinkingBudget: 1024 } } }],
    [
      'function tools → functionDeclarations; no parameters when there are none',
      { tools: [fn('a', { type: 'object', properties: { x: { type: 'string' } } }), fn('b', { type: 'object', properties: {} })] },
      { tools: [{ functionDeclarations: [{ name: 'a', parameters: { type: 'object', properties: { x: { type: 'string' } } } }, { name: 'b' }] }] },
    ],
    ['tool_choice auto', { tools: [fn('a')], tool_choice: 'auto' }, { tools: [{ functionDeclarations: [{ name: 'a' }] }], toolConfig: { functionCallingConfig: { mode: 'AUTO' } } }],
    ['tool_choice none', { tools: [fn('a')], tool_choice: 'none' }, { tools: [{ functionDeclarations: [{ name: 'a' }] }], toolConfig: { functionCallingConfig: { mode: 'NONE' } } }],
    ['tool_choice required → ANY', { tools: [fn('a')], tool_choice: 'required' }, { tools: [{ functionDeclarations: [{ name: 'a' }] }], toolConfig: { functionCallingConfig: { mode: 'ANY' } } }],
    [
      'a named function → ANY with allowedFunctionNames',
      { tools: [fn('a'), fn('b')], tool_choice: { type: 'function', function: { name: 'b' } } },
      { tools: [{ functionDeclarations: [{ name: 'a' }, { name: 'b' }] }], toolConfig: { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['b'] } } },
    ],
    ['gateway and OpenAI-only fields are not sent', { metadata: { tags: ['x'] }, user: 'u', stream: true, stream_options: { include_usage: true } }, {}],
  ])('%s', (_name, extra, expected) => {
    expect(toGeminiBody(req(extra), deployment)).toEqual({ contents: [{ role: 'user', parts: [{ text: 'hi' }] }], ...expected });
  });

  it('deployment defaults apply; the client overrides them; safety_settings pass through', () => {
    const d = { ...deployment, extra: { temperature: 0.1, max_tokens: 9, safety_settings: [{ category: 'HARM_CATEGORY_HARASSMENT', threshold: 'BLOCK_NONE' }] } };
    expect(toGeminiBody(req({ temperature: 0.7 }), d)).toMatchObject({
      generationConfig: { temperature: 0.7, maxOutputTokens: 9 },
      safetySettings: [{ category: 'HARM_CATEGORY_HARASSMENT', threshold: 'BLOCK_NONE' }],
    });
  });

  it('non-function tools are a bad_request', () => {
    expect(() => toGeminiBody(req({ tools: [{ type: 'web_search' }] }), deployment)).toThrow(/function tools only/);
  });
});

describe('geminiFinishReason', () => {
  it.each([
    ['STOP', false, 'stop'], ['STOP', true, 'tool_calls'], ['MAX_TOKENS', false, 'length'], ['SAFETY', false, 'content_filter'],
    ['RECITATION', false, 'content_filter'], ['BLOCKLIST', false, 'content_filter'], ['PROHIBITED_CONTENT', false, 'content_filter'],
    ['SPII', false, 'content_filter'], ['OTHER', false, 'stop'], ['MALFORMED_FUNCTION_CALL', false, 'stop'], [undefined, false, null],
  ] as const)('%s (called tools: %p) → %p', (raw, calls, expected) => expect(geminiFinishReason(raw, calls)).toBe(expected));
});

describe('geminiUsage', () => {
  it.each([
    [undefined, undefined],
    [{ promptTokenCount: 5, candidatesTokenCount: 3, totalTokenCount: 8 }, { prompt_tokens: 5, completion_tokens: 3, total_tokens: 8 }],
    [{ promptTokenCount: 5 }, { prompt_tokens: 5, completion_tokens: 0, total_tokens: 5 }],
    [
      { promptTokenCount: 100, candidatesTokenCount: 10, thoughtsTokenCount: 40, cachedContentTokenCount: 64, totalTokenCount: 150 },
      { prompt_tokens: 100, completion_tokens: 50, total_tokens: 150, prompt_tokens_details: { cached_tokens: 64 }, completion_tokens_details: { reasoning_tokens: 40 } },
    ],
  ])('%j', (meta, expected) => expect(geminiUsage(meta)).toEqual(expected));
});

describe('fromGeminiResponse', () => {
  const parse = (json: unknown) => fromGeminiResponse(WireResponse.parse(json), deployment, env);
  const usageMetadata = { promptTokenCount: 4, candidatesTokenCount: 2, totalTokenCount: 6 };

  it('text: one choice, model from modelVersion, usage', () => {
    const res = parse({ candidates: [{ content: { role: 'model', parts: [{ text: 'Hel' }, { text: 'lo' }] }, finishReason: 'STOP', avgLogprobs: -0.1 }], usageMetadata, modelVersion: 'gemini-2.5-flash-001', responseId: 'r1' });
    ChatCompletion.parse(res);
    expect(res).toEqual({
      id: env.id, object: 'chat.completion', created: env.nowS, model: 'gemini-2.5-flash-001',
      choices: [{ index: 0, message: { role: 'assistant', content: 'Hello' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 4, completion_tokens: 2, total_tokens: 6 },
    });
  });

  it('function calls → tool_calls with generated ids, finish tool_calls; thoughts → reasoning_content', () => {
    const res = parse({
      candidates: [{
        content: { role: 'model', parts: [{ text: 'planning', thought: true }, { functionCall: { name: 'a', args: { x: 1 } }, thoughtSignature: 'sig' }, { functionCall: { name: 'b' } }] },
        finishReason: 'STOP',
      }],
    });
    expect(res.choices[0]).toEqual({
      index: 0,
      message: {
        role: 'assistant', content: null, reasoning_content: 'planning',
        tool_calls: [
          { id: 'call_bbbbcccc1234567890ab_0_0', type: 'function', function: { name: 'a', arguments: '{"x":1}' }, provider_specific_fields: { thought_signature: 'sig' } },
          { id: 'call_bbbbcccc1234567890ab_0_1', type: 'function', function: { name: 'b', arguments: '{}' } },
        ],
      },
      finish_reason: 'tool_calls',
    });
  });

  it('Vertex function call ids are kept', () => {
    const res = parse({ candidates: [{ content: { parts: [{ functionCall: { id: 'fc-1', name: 'a', args: {} } }] }, finishReason: 'STOP' }] });
    expect(res.choices[0].message.tool_calls?.[0].id).toBe('fc-1');
  });

  it('several candidates keep their index', () => {
    const res = parse({ candidates: [{ index: 1, content: { parts: [{ text: 'b' }] }, finishReason: 'MAX_TOKENS' }, { index: 0, content: { parts: [{ text: 'a' }] }, finishReason: 'STOP' }] });
    expect(res.choices.map((c) => [c.index, c.message.content, c.finish_reason])).toEqual([[1, 'b', 'length'], [0, 'a', 'stop']]);
  });

  it.each(['SAFETY', 'PROHIBITED_CONTENT', 'SPII', 'BLOCKLIST', 'RECITATION'])('an answer stopped by %s: content_filter, empty content', (reason) => {
    const res = parse({ candidates: [{ finishReason: reason, safetyRatings: [] }], usageMetadata: { promptTokenCount: 3, totalTokenCount: 3 } });
    expect(res.choices).toEqual([{ index: 0, message: { role: 'assistant', content: '' }, finish_reason: 'content_filter' }]);
  });

  it('a blocked prompt (no candidates): one content_filter choice, not a crash', () => {
    const res = parse({ promptFeedback: { blockReason: 'PROHIBITED_CONTENT' }, usageMetadata: { promptTokenCount: 7, totalTokenCount: 7 } });
    ChatCompletion.parse(res);
    expect(res.choices).toEqual([{ index: 0, message: { role: 'assistant', content: '' }, finish_reason: 'content_filter' }]);
    expect(res.usage).toEqual({ prompt_tokens: 7, completion_tokens: 0, total_tokens: 7 });
  });
});
