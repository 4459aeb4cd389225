import type { ChatCompletion, ChatCompletionChunk } from '@gatehouse/contracts';
import { anthropicUsageOf, stopReasonOf, toAnthropicMessage } from './message-to-anthropic';
import { AnthropicStreamWriter, sseFrame } from './stream-to-anthropic';

const chunk = (delta: Record<string, unknown>, finish: string | null = null): ChatCompletionChunk =>
  ({ id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1, model: 'gpt', choices: [{ index: 0, delta, finish_reason: finish }] }) as ChatCompletionChunk;

describe('toAnthropicMessage', () => {
  it('text, reasoning and tool calls become blocks; usage splits cache reads', () => {
    const completion = {
      id: 'chatcmpl-9', object: 'chat.completion', created: 1, model: 'gpt',
      choices: [{ index: 0, finish_reason: 'tool_calls', message: { role: 'assistant', content: 'hi', reasoning_content: 'r', tool_calls: [{ id: 'c1', type: 'function', function: { name: 'w', arguments: '{"a":1}' } }, { id: 'c2', type: 'function', function: { name: 'w', arguments: 'oops' } }] } }],
      usage: { prompt_tokens: 110, completion_tokens: 5, total_tokens: 115, prompt_tokens_details: { cached_tokens: 100 } },
    } as ChatCompletion;
    expect(toAnthropicMessage(completion)).toEqual({
      id: 'msg_chatcmpl-9', type: 'message', role: 'assistant', model: 'gpt',
      content: [{ type: 'thinking', thinking: 'r', signature: '' }, { type: 'text', text: 'hi' }, { type: 'tool_use', id: 'c1', name: 'w', input: { a: 1 } }, { type: 'tool_use', id: 'c2', name: 'w', input: {} }],
      stop_reason: 'tool_use', stop_sequence: null,
      usage: { input_tokens: 10, output_tokens: 5, cache_read_input_tokens: 100, cache_creation_input_tokens: 0 },
    });
  });

  it.each([['stop', 'end_turn'], ['length', 'max_tokens'], ['tool_calls', 'tool_use'], ['content_filter', 'refusal'], [null, 'end_turn']] as const)('%s → %s', (finish, stop) => {
    expect(stopReasonOf(finish)).toBe(stop);
  });

  it('usage without usage is zeros', () => expect(anthropicUsageOf(null)).toEqual({ input_tokens: 0, output_tokens: 0, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 }));
});

describe('AnthropicStreamWriter', () => {
  it('text then two tool calls: blocks opened and closed in order, final usage', () => {
    const w = new AnthropicStreamWriter({ id: 'msg_fallback', model: 'alias' });
    const events = [
      ...w.chunk(chunk({ role: 'assistant', content: '' })),
      ...w.chunk(chunk({ content: 'Hel' })),
      ...w.chunk(chunk({ content: 'lo' })),
      ...w.chunk(chunk({ tool_calls: [{ index: 0, id: 'c1', type: 'function', function: { name: 'a', arguments: '' } }] })),
      ...w.chunk(chunk({ tool_calls: [{ index: 0, function: { arguments: '{"x":' } }] })),
      ...w.chunk(chunk({ tool_calls: [{ index: 0, function: { arguments: '1}' } }] })),
      ...w.chunk(chunk({ tool_calls: [{ index: 1, id: 'c2', type: 'function', function: { name: 'b', arguments: '{}' } }] })),
      ...w.chunk(chunk({}, 'tool_calls')),
      ...w.chunk({ ...chunk({}), choices: [], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } }),
      ...w.end({ finish_reason: 'tool_calls', usage: { prompt_tokens: 12, completion_tokens: 7, total_tokens: 19 } }),
    ];
    expect(events.map((e) => `${e.type}${'index' in e ? `:${e.index}` : ''}`)).toEqual([
      'message_start', 'content_block_start:0', 'content_block_delta:0', 'content_block_delta:0', 'content_block_stop:0',
      'content_block_start:1', 'content_block_delta:1', 'content_block_delta:1', 'content_block_stop:1',
      'content_block_start:2', 'content_block_delta:2', 'content_block_stop:2', 'message_delta', 'message_stop',
    ]);
    expect(events[0]).toMatchObject({ message: { id: 'msg_chatcmpl-1', model: 'gpt', content: [], usage: { input_tokens: 0 } } });
    expect(events[5]).toEqual({ type: 'content_block_start', index: 1, content_block: { type: 'tool_use', id: 'c1', name: 'a', input: {} } });
    expect(events[6]).toEqual({ type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: '{"x":' } });
    expect(events.at(-2)).toEqual({ type: 'message_delta', delta: { stop_reason: 'tool_use', stop_sequence: null }, usage: { input_tokens: 12, output_tokens: 7, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 } });
  });

  it('reasoning becomes a thinking block before the text', () => {
    const w = new AnthropicStreamWriter({ id: 'm', model: 'x' });
    const events = [...w.chunk(chunk({ reasoning_content: 'hmm' })), ...w.chunk(chunk({ content: 'ok' }))];
    expect(events.slice(1).map((e) => e.type)).toEqual(['content_block_start', 'content_block_delta', 'content_block_stop', 'content_block_start', 'content_block_delta']);
    expect(events[2]).toMatchObject({ delta: { type: 'thinking_delta', thinking: 'hmm' } });
  });

  it('an empty stream still opens and closes the message', () => {
    const events = new AnthropicStreamWriter({ id: 'msg_x', model: 'alias' }).end({ finish_reason: 'stop', usage: null });
    expect(events.map((e) => e.type)).toEqual(['message_start', 'message_delta', 'message_stop']);
    expect(events[0]).toMatchObject({ message: { id: 'msg_x', model: 'alias' } });
  });

  it('frames each event with its event: line', () => {
    expect(sseFrame({ type: 'ping' })).toBe('event: ping\ndata: {"type":"ping"}\n\n');
  });
});
