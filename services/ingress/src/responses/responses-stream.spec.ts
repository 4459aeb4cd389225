import { type ChatCompletionChunk, GatehouseError } from '@gatehouse/contracts';
import { ResponsesStreamEncoder } from './responses-stream';

const req = { model: 'alias', messages: [{ role: 'user' as const, content: 'hi' }] };
const head = { id: 'chatcmpl-s1', object: 'chat.completion.chunk' as const, created: 5, model: 'gpt-x' };
const chunk = (choices: ChatCompletionChunk['choices']) => Buffer.from(JSON.stringify({ ...head, choices }));
const route = { deployment_id: 'd', provider: 'mock', provider_model: 'gpt-x', attempts: 1, ttft_ms: 1 };
const usage = { prompt_tokens: 2, completion_tokens: 3, total_tokens: 5 };

function events(bufs: (Buffer | null)[]): { event: string; data: Record<string, unknown> }[] {
  const text = bufs.filter((b): b is Buffer => b !== null).map((b) => b.toString()).join('');
  return text.split('\n\n').filter(Boolean).map((block) => {
    const [e, d] = block.split('\n');
    return { event: e.replace('event: ', ''), data: JSON.parse(d.replace('data: ', '')) as Record<string, unknown> };
  });
}

describe('ResponsesStreamEncoder', () => {
  it('streams text as the Responses event sequence with gapless sequence numbers', () => {
    const enc = new ResponsesStreamEncoder(req);
    const out = events([
      enc.chunk(chunk([{ index: 0, delta: { role: 'assistant', content: '' } }])),
      enc.chunk(chunk([{ index: 0, delta: { content: 'Hel' } }])),
      enc.chunk(chunk([{ index: 0, delta: { content: 'lo' } }])),
      enc.chunk(chunk([{ index: 0, delta: {}, finish_reason: 'stop' }])),
      enc.end({ route, usage, finish_reason: 'stop' }),
    ]);
    expect(out.map((e) => e.event)).toEqual([
      'response.created', 'response.in_progress', 'response.output_item.added', 'response.content_part.added',
      'response.output_text.delta', 'response.output_text.delta', 'response.output_text.done', 'response.content_part.done',
      'response.output_item.done', 'response.completed',
    ]);
    expect(out.map((e) => e.data.sequence_number)).toEqual(out.map((_, i) => i));
    expect(out.every((e) => e.data.type === e.event)).toBe(true);
    expect(out[0].data.response).toMatchObject({ id: 'resp_s1', status: 'in_progress', output: [] });
    expect(out[6].data).toMatchObject({ text: 'Hello', output_index: 0, content_index: 0 });
    expect(out[9].data.response).toMatchObject({
      status: 'completed',
      output: [{ type: 'message', status: 'completed', content: [{ type: 'output_text', text: 'Hello' }] }],
      usage: { input_tokens: 2, output_tokens: 3, total_tokens: 5 },
    });
  });

  it('streams a function call with argument deltas', () => {
    const enc = new ResponsesStreamEncoder(req);
    const out = events([
      enc.chunk(chunk([{ index: 0, delta: { tool_calls: [{ index: 0, id: 'call_9', type: 'function', function: { name: 'f', arguments: '' } }] } }])),
      enc.chunk(chunk([{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: '{"a":' } }] } }])),
      enc.chunk(chunk([{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: '1}' } }] } }])),
      enc.end({ route, usage, finish_reason: 'tool_calls' }),
    ]);
    expect(out.map((e) => e.event)).toEqual([
      'response.created', 'response.in_progress', 'response.output_item.added',
      'response.function_call_arguments.delta', 'response.function_call_arguments.delta',
      'response.function_call_arguments.done', 'response.output_item.done', 'response.completed',
    ]);
    expect(out[2].data.item).toMatchObject({ type: 'function_call', call_id: 'call_9', name: 'f', arguments: '', status: 'in_progress' });
    expect(out[5].data).toMatchObject({ arguments: '{"a":1}', name: 'f' });
    expect(out[7].data.response).toMatchObject({ output: [{ type: 'function_call', call_id: 'call_9', arguments: '{"a":1}', status: 'completed' }] });
  });

  it('marks a response cut by max tokens incomplete', () => {
    const enc = new ResponsesStreamEncoder(req);
    const out = events([enc.chunk(chunk([{ index: 0, delta: { content: 'a' } }])), enc.end({ route, usage: null, finish_reason: 'length' })]);
    expect(out.at(-1)?.data.response).toMatchObject({ status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' }, usage: null });
  });

  it('ends a broken stream with error and response.failed', () => {
    const enc = new ResponsesStreamEncoder(req);
    const out = events([enc.chunk(chunk([{ index: 0, delta: { content: 'a' } }])), enc.error(new GatehouseError('stream_interrupted', 'cut'))]);
    expect(out.slice(-2).map((e) => e.event)).toEqual(['error', 'response.failed']);
    expect(out.at(-2)?.data).toMatchObject({ code: 'stream_interrupted', message: 'cut' });
    expect(out.at(-1)?.data.response).toMatchObject({ status: 'failed', error: { code: 'stream_interrupted' } });
  });
});
