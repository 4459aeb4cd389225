import { ChatCompletion } from '@gatehouse/contracts';
import { finishReasonOf, fromAnthropicMessage, parseAnthropicMessage, usageOf } from './message-from-anthropic';
import { AnthropicMessage } from './wire';

const env = { nowS: 1_800_000_000 };
const ctx = { label: 'anthropic/claude-x', apiKey: 'sk-ant-secret-key-1234' };

describe('finishReasonOf', () => {
  it.each([
    ['end_turn', 'stop'], ['stop_sequence', 'stop'], ['max_tokens', 'length'], ['tool_use', 'tool_calls'], ['refusal', 'content_filter'],
    ['pause_turn', 'stop'], ['something_new', 'stop'], [null, null],
  ])('%s → %s', (raw, finish) => expect(finishReasonOf(raw)).toBe(finish));
});

describe('usageOf', () => {
  it('counts cache reads and writes in the prompt and keeps them apart', () => {
    expect(usageOf({ input_tokens: 10, output_tokens: 5, cache_read_input_tokens: 100, cache_creation_input_tokens: 20 })).toEqual({
      prompt_tokens: 130, completion_tokens: 5, total_tokens: 135, prompt_tokens_details: { cached_tokens: 100 }, cache_creation_input_tokens: 20,
    });
    expect(usageOf({ input_tokens: 3, output_tokens: 4 })).toMatchObject({ prompt_tokens: 3, total_tokens: 7, prompt_tokens_details: { cached_tokens: 0 } });
  });
});

describe('fromAnthropicMessage', () => {
  const wire = AnthropicMessage.parse({
    id: 'msg_1', type: 'message', role: 'assistant', model: 'claude-x',
    content: [
      { type: 'thinking', thinking: 'hmm', signature: 's' },
      { type: 'text', text: 'Let me ' },
      { type: 'text', text: 'check.' },
      { type: 'tool_use', id: 'toolu_1', name: 'w', input: { city: 'A' } },
      { type: 'server_tool_use', id: 'x', name: 'web_search', input: {} },
    ],
    stop_reason: 'tool_use', stop_sequence: null, usage: { input_tokens: 7, output_tokens: 9 },
  });

  it('joins text, maps tool_use and thinking, and is a valid completion', () => {
    const c = ChatCompletion.parse(fromAnthropicMessage(wire, 'fallback', env));
    expect(c).toMatchObject({
      id: 'msg_1', created: env.nowS, model: 'claude-x',
      choices: [{ index: 0, finish_reason: 'tool_calls', message: { role: 'assistant', content: 'Let me check.', reasoning_content: 'hmm', tool_calls: [{ id: 'toolu_1', type: 'function', function: { name: 'w', arguments: '{"city":"A"}' } }] } }],
      usage: { prompt_tokens: 7, completion_tokens: 9, total_tokens: 16 },
    });
  });

  it('content is null when there is no text block', () => {
    const c = fromAnthropicMessage({ ...wire, content: [{ type: 'tool_use', id: 't', name: 'w', input: {} }] }, 'm', env);
    expect(c.choices[0].message.content).toBeNull();
  });
});

describe('parseAnthropicMessage', () => {
  it('an error body on a 2xx is a scrubbed server error', () => {
    const body = JSON.stringify({ type: 'error', error: { type: 'api_error', message: `bad key ${ctx.apiKey}` } });
    expect(() => parseAnthropicMessage(body, 'm', env, ctx)).toThrow(/answered with an error: bad key \*\*\*/);
  });

  it.each([['not json', /not JSON/], ['{"id":1}', /unexpected response \(id/]])('%s → server', (body, message) => {
    expect(() => parseAnthropicMessage(body, 'm', env, ctx)).toThrow(message);
  });
});
