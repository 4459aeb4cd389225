import { GatehouseError } from '@gatehouse/contracts';
import { fromAnthropicRequest } from './request-from-anthropic';
import { AnthropicRequest } from './request-wire';
import { toAnthropicBody } from './request-to-anthropic';

const parse = (body: Record<string, unknown>) => AnthropicRequest.parse({ model: 'claude', max_tokens: 100, ...body });

describe('fromAnthropicRequest', () => {
  const cases: [string, Record<string, unknown>, Record<string, unknown>][] = [
    ['string content, system, sampling, stop, user', { system: [{ type: 'text', text: 'a' }, { type: 'text', text: 'b' }], messages: [{ role: 'user', content: 'hi' }], temperature: 0.3, top_p: 0.8, stop_sequences: ['X'], metadata: { user_id: 'u1' }, stream: true },
      { model: 'claude', max_tokens: 100, stream: true, temperature: 0.3, top_p: 0.8, stop: ['X'], user: 'u1', messages: [{ role: 'system', content: 'a\nb' }, { role: 'user', content: 'hi' }] }],
    ['images as image_url parts', { messages: [{ role: 'user', content: [{ type: 'text', text: 'see' }, { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'AAA' } }, { type: 'image', source: { type: 'url', url: 'https://x/i.png' } }] }] },
      { messages: [{ role: 'user', content: [{ type: 'text', text: 'see' }, { type: 'image_url', image_url: { url: 'data:image/png;base64,AAA' } }, { type: 'image_url', image_url: { url: 'https://x/i.png' } }] }] }],
    ['tool use and results, thinking dropped', {
      messages: [
        { role: 'user', content: 'w?' },
        { role: 'assistant', content: [{ type: 'thinking', thinking: 't', signature: 's' }, { type: 'text', text: 'ok' }, { type: 'tool_use', id: 'toolu_1', name: 'w', input: { c: 1 } }] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: [{ type: 'text', text: 'sun' }] }, { type: 'tool_result', tool_use_id: 'toolu_2', content: 'rain', is_error: true }, { type: 'text', text: 'and?' }] },
      ],
    }, {
      messages: [
        { role: 'user', content: 'w?' },
        { role: 'assistant', content: 'ok', tool_calls: [{ id: 'toolu_1', type: 'function', function: { name: 'w', arguments: '{"c":1}' } }] },
        { role: 'tool', tool_call_id: 'toolu_1', content: 'sun' },
        { role: 'tool', tool_call_id: 'toolu_2', content: 'rain' },
        { role: 'user', content: 'and?' },
      ],
    }],
    ['tools and tool_choice tool', { messages: [{ role: 'user', content: 'x' }], tools: [{ name: 'w', description: 'd', input_schema: { type: 'object' } }], tool_choice: { type: 'tool', name: 'w', disable_parallel_tool_use: true } },
      { tools: [{ type: 'function', function: { name: 'w', description: 'd', parameters: { type: 'object' } } }], tool_choice: { type: 'function', function: { name: 'w' } }, parallel_tool_calls: false }],
    ['tool_choice any → required', { messages: [{ role: 'user', content: 'x' }], tools: [{ name: 'w' }], tool_choice: { type: 'any' } }, { tool_choice: 'required', tools: [{ function: { parameters: { type: 'object', properties: {} } } }] }],
  ];
  it.each(cases)('%s', (_name, body, expected) => expect(fromAnthropicRequest(parse(body))).toMatchObject(expected));

  it('round-trips through toAnthropicBody', () => {
    const original = parse({
      system: 'sys', temperature: 0.5, stop_sequences: ['Z'], metadata: { user_id: 'u' },
      tools: [{ name: 'w', input_schema: { type: 'object', properties: {} } }], tool_choice: { type: 'any' },
      messages: [
        { role: 'user', content: 'q' },
        { role: 'assistant', content: [{ type: 'text', text: 'a' }, { type: 'tool_use', id: 't1', name: 'w', input: { k: 'v' } }] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't1', content: 'r' }, { type: 'text', text: 'more' }] },
      ],
    });
    const back = toAnthropicBody(fromAnthropicRequest(original), { providerModel: 'claude', extra: {}, modelInfo: {} }, false);
    expect(back).toEqual({
      model: 'claude', max_tokens: 100, system: 'sys', temperature: 0.5, stop_sequences: ['Z'], metadata: { user_id: 'u' },
      tools: [{ name: 'w', input_schema: { type: 'object', properties: {} } }], tool_choice: { type: 'any' },
      messages: [
        { role: 'user', content: 'q' },
        { role: 'assistant', content: [{ type: 'text', text: 'a' }, { type: 'tool_use', id: 't1', name: 'w', input: { k: 'v' } }] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't1', content: 'r' }, { type: 'text', text: 'more' }] },
      ],
    });
  });

  it.each([
    [{ messages: [{ role: 'user', content: [{ type: 'document', source: {} }] }] }, 'messages.0.content.0'],
    [{ messages: [{ role: 'user', content: 'x' }], tools: [{ type: 'web_search_20250305', name: 'web_search' }] }, 'tools.0'],
    [{ messages: [{ role: 'user', content: [{ type: 'image', source: { type: 'file', file_id: 'f' } }] }] }, 'messages.0.content.0.source'],
  ])('400 naming the field for %j', (body, param) => {
    const run = () => fromAnthropicRequest(parse(body));
    expect(run).toThrow(GatehouseError);
    expect(run).toThrow(expect.objectContaining({ details: { param } }));
  });
});
