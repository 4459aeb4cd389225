import { finishReasonOf, parseConverseResponse, usageOf } from './chat-completions';

const env = { id: 'chatcmpl-1', nowS: 1_700_000_000, model: 'anthropic.claude-3-5-sonnet-20240620-v1:0' };

describe('finishReasonOf', () => {
  it.each([
    ['end_turn', 'stop'],
    ['stop_sequence', 'stop'],
    ['max_tokens', 'length'],
    ['model_context_window_exceeded', 'length'],
    ['tool_use', 'tool_calls'],
    ['guardrail_intervened', 'content_filter'],
    ['content_filtered', 'content_filter'],
    ['something_new', 'stop'],
  ])('%s → %s', (stopReason, expected) => expect(finishReasonOf(stopReason)).toBe(expected));
});

describe('usageOf', () => {
  it.each([
    [{ inputTokens: 10, outputTokens: 5, totalTokens: 15 }, { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 }],
    [
      { inputTokens: 10, outputTokens: 5, totalTokens: 115, cacheReadInputTokens: 80, cacheWriteInputTokens: 20 },
      { prompt_tokens: 110, completion_tokens: 5, total_tokens: 115, prompt_tokens_details: { cached_tokens: 80 } },
    ],
  ])('%j', (usage, expected) => expect(usageOf(usage)).toEqual(expected));
});

describe('parseConverseResponse', () => {
  it('text answer', () => {
    const body = JSON.stringify({
      output: { message: { role: 'assistant', content: [{ text: 'Hello ' }, { text: 'there' }] } },
      stopReason: 'end_turn',
      usage: { inputTokens: 3, outputTokens: 2, totalTokens: 5 },
      metrics: { latencyMs: 120 },
    });
    expect(parseConverseResponse(body, env, 'l')).toEqual({
      id: 'chatcmpl-1', object: 'chat.completion', created: 1_700_000_000, model: env.model,
      choices: [{ index: 0, message: { role: 'assistant', content: 'Hello there' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 },
    });
  });

  it('tool use, with reasoning text kept apart', () => {
    const body = JSON.stringify({
      output: { message: { role: 'assistant', content: [
        { reasoningContent: { reasoningText: { text: 'need weather', signature: 'sig' } } },
        { toolUse: { toolUseId: 'tooluse_abc', name: 'get_weather', input: { city: 'Oslo' } } },
      ] } },
      stopReason: 'tool_use',
      usage: { inputTokens: 3, outputTokens: 2, totalTokens: 5 },
    });
    expect(parseConverseResponse(body, env, 'l').choices[0]).toEqual({
      index: 0,
      finish_reason: 'tool_calls',
      message: {
        role: 'assistant', content: null, reasoning_content: 'need weather',
        tool_calls: [{ id: 'tooluse_abc', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Oslo"}' } }],
      },
    });
  });

  it('a guardrail intervention is content_filter', () => {
    const body = JSON.stringify({ output: { message: { role: 'assistant', content: [{ text: 'Sorry.' }] } }, stopReason: 'guardrail_intervened' });
    expect(parseConverseResponse(body, env, 'l').choices[0].finish_reason).toBe('content_filter');
  });

  it.each([
    ['not JSON', '<html>', /not JSON/],
    ['no stopReason', '{"output":{}}', /unexpected response \(stopReason/],
  ])('%s → server', (_name, body, message) => {
    expect(() => parseConverseResponse(body, env, 'l')).toThrow(message);
  });
});
