import type { ChatCompletion } from '@gatehouse/contracts';
import { statusOf, toResponse, toResponseUsage } from './responses-render';

const base = { id: 'chatcmpl-xyz', object: 'chat.completion' as const, created: 9, model: 'gpt-x', usage: { prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 } };
const req = { model: 'alias', messages: [{ role: 'user' as const, content: 'hi' }] };

describe('toResponse', () => {
  it('renders text as a message item with output_text', () => {
    const c: ChatCompletion = { ...base, choices: [{ index: 0, message: { role: 'assistant', content: 'Hello' }, finish_reason: 'stop' }] };
    expect(toResponse(c, { ...req, temperature: 0.5, max_tokens: 20 })).toMatchObject({
      id: 'resp_xyz', object: 'response', created_at: 9, status: 'completed', model: 'gpt-x', store: false,
      temperature: 0.5, max_output_tokens: 20, incomplete_details: null, error: null,
      output: [{ type: 'message', id: 'msg_xyz_0', status: 'completed', role: 'assistant', content: [{ type: 'output_text', text: 'Hello', annotations: [] }] }],
      usage: { input_tokens: 3, output_tokens: 4, total_tokens: 7, input_tokens_details: { cached_tokens: 0 }, output_tokens_details: { reasoning_tokens: 0 } },
    });
  });

  it('renders tool calls as function_call items and echoes tools flat', () => {
    const c: ChatCompletion = {
      ...base,
      choices: [{ index: 0, message: { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'f', arguments: '{"a":1}' } }] }, finish_reason: 'tool_calls' }],
    };
    const out = toResponse(c, { ...req, tools: [{ type: 'function', function: { name: 'f', parameters: { type: 'object' } } }], tool_choice: { type: 'function', function: { name: 'f' } } });
    expect(out.output).toEqual([{ type: 'function_call', id: 'fc_call_1', call_id: 'call_1', name: 'f', arguments: '{"a":1}', status: 'completed' }]);
    expect(out.tools).toEqual([{ type: 'function', name: 'f', description: null, parameters: { type: 'object' }, strict: null }]);
    expect(out.tool_choice).toEqual({ type: 'function', name: 'f' });
  });

  it('echoes a json_schema response_format as text.format', () => {
    const c: ChatCompletion = { ...base, choices: [{ index: 0, message: { role: 'assistant', content: '{}' }, finish_reason: 'stop' }] };
    const out = toResponse(c, { ...req, response_format: { type: 'json_schema', json_schema: { name: 'o', schema: {} } } });
    expect(out.text).toEqual({ format: { type: 'json_schema', name: 'o', schema: {} } });
  });
});

describe('statusOf', () => {
  it.each([
    ['stop', 'completed', null],
    ['tool_calls', 'completed', null],
    ['length', 'incomplete', { reason: 'max_output_tokens' }],
    ['content_filter', 'incomplete', { reason: 'content_filter' }],
  ] as const)('%s → %s', (finish, status, details) => {
    expect(statusOf(finish)).toEqual({ status, incomplete_details: details });
  });
});

describe('toResponseUsage', () => {
  it('maps cached and reasoning tokens', () => {
    expect(toResponseUsage({ prompt_tokens: 5, completion_tokens: 6, total_tokens: 11, prompt_tokens_details: { cached_tokens: 2 }, completion_tokens_details: { reasoning_tokens: 1 } })).toEqual({
      input_tokens: 5, input_tokens_details: { cached_tokens: 2 }, output_tokens: 6, output_tokens_details: { reasoning_tokens: 1 }, total_tokens: 11,
    });
    expect(toResponseUsage(null)).toBeNull();
  });
});
