import type { GatehouseError } from '@gatehouse/contracts';
import { parseResponsesRequest } from './responses-request';

function refused(body: unknown): string | null {
  try {
    parseResponsesRequest(body);
  } catch (e) {
    expect((e as GatehouseError).status).toBe(400);
    return (e as GatehouseError).toOpenAI().error.param;
  }
  throw new Error('expected a 400');
}

const tool = { type: 'function', name: 'get_weather', description: 'Weather', parameters: { type: 'object', properties: { city: { type: 'string' } } }, strict: true };
const chatTool = { type: 'function', function: { name: 'get_weather', description: 'Weather', parameters: tool.parameters, strict: true } };

describe('parseResponsesRequest', () => {
  it.each([
    ['a string input', { model: 'm', input: 'hi' }, { model: 'm', messages: [{ role: 'user', content: 'hi' }] }],
    [
      'instructions and settings',
      { model: 'm', input: 'hi', instructions: 'Be brief.', max_output_tokens: 50, temperature: 0.3, top_p: 0.9, stream: true, store: true, user: 'u', parallel_tool_calls: false },
      { model: 'm', messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'hi' }], max_tokens: 50, temperature: 0.3, top_p: 0.9, stream: true, user: 'u', parallel_tool_calls: false },
    ],
    [
      'message items with parts',
      { model: 'm', input: [{ role: 'developer', content: 'rules' }, { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'look' }, { type: 'input_image', image_url: 'https://x/i.png', detail: 'low' }] }, { role: 'assistant', content: [{ type: 'output_text', text: 'ok' }] }] },
      { model: 'm', messages: [{ role: 'developer', content: 'rules' }, { role: 'user', content: [{ type: 'text', text: 'look' }, { type: 'image_url', image_url: { url: 'https://x/i.png', detail: 'low' } }] }, { role: 'assistant', content: 'ok' }] },
    ],
    [
      'a function call round trip',
      {
        model: 'm', tools: [tool], tool_choice: { type: 'function', name: 'get_weather' },
        input: [
          { role: 'user', content: 'weather in Paris?' },
          { type: 'function_call', call_id: 'call_1', name: 'get_weather', arguments: '{"city":"Paris"}' },
          { type: 'function_call', call_id: 'call_2', name: 'get_weather', arguments: '{"city":"Lyon"}' },
          { type: 'function_call_output', call_id: 'call_1', output: '18C' },
          { type: 'function_call_output', call_id: 'call_2', output: [{ type: 'input_text', text: '20C' }] },
          { type: 'reasoning', id: 'rs_1', summary: [] },
        ],
      },
      {
        model: 'm', tools: [chatTool], tool_choice: { type: 'function', function: { name: 'get_weather' } },
        messages: [
          { role: 'user', content: 'weather in Paris?' },
          { role: 'assistant', content: null, tool_calls: [
            { id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
            { id: 'call_2', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Lyon"}' } },
          ] },
          { role: 'tool', tool_call_id: 'call_1', content: '18C' },
          { role: 'tool', tool_call_id: 'call_2', content: '20C' },
        ],
      },
    ],
    [
      'text.format json_schema',
      { model: 'm', input: 'x', text: { format: { type: 'json_schema', name: 'out', schema: { type: 'object' }, strict: true } }, reasoning: { effort: 'low' } },
      { model: 'm', messages: [{ role: 'user', content: 'x' }], response_format: { type: 'json_schema', json_schema: { name: 'out', schema: { type: 'object' }, strict: true } }, reasoning_effort: 'low' },
    ],
    ['text.format text', { model: 'm', input: 'x', text: { format: { type: 'text' } }, tool_choice: 'none' }, { model: 'm', messages: [{ role: 'user', content: 'x' }], tool_choice: 'none' }],
  ])('%s', (_name, body, chat) => {
    expect(parseResponsesRequest(body)).toEqual(chat);
  });

  it.each([
    ['no input', { model: 'm' }, 'input'],
    ['previous_response_id', { model: 'm', input: 'x', previous_response_id: 'resp_1' }, 'previous_response_id'],
    ['background', { model: 'm', input: 'x', background: true }, 'background'],
    ['built-in tool', { model: 'm', input: 'x', tools: [{ type: 'web_search' }] }, 'tools.0.type'],
    ['item_reference', { model: 'm', input: [{ type: 'item_reference', id: 'msg_1' }] }, 'input.0.type'],
    ['bad role', { model: 'm', input: [{ role: 'robot', content: 'x' }] }, 'input.0.role'],
    ['file part', { model: 'm', input: [{ role: 'user', content: [{ type: 'input_file', file_id: 'f' }] }] }, 'input.0.content.0.type'],
    ['call without id', { model: 'm', input: [{ type: 'function_call', name: 'f', arguments: '{}' }] }, 'input.0.call_id'],
    ['bad temperature', { model: 'm', input: 'x', temperature: 5 }, 'temperature'],
  ])('%s → 400 naming %s', (_n, body, param) => {
    expect(refused(body)).toBe(param);
  });
});
