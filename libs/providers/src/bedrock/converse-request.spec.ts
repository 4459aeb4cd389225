import type { ChatCompletionRequest, ChatMessage } from '@gatehouse/contracts';
import { ProviderError } from '../types';
import { toConverseMessages, toConverseRequest, toToolConfig } from './converse-request';

const req = (messages: ChatMessage[], rest: Partial<ChatCompletionRequest> = {}): ChatCompletionRequest => ({ model: 'alias', messages, ...rest });
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

describe('toConverseMessages', () => {
  it.each<[string, ChatMessage[], unknown]>([
    ['a user string', [{ role: 'user', content: 'hi' }], [{ role: 'user', content: [{ text: 'hi' }] }]],
    ['text parts, empty ones dropped', [{ role: 'user', content: [{ type: 'text', text: 'a' }, { type: 'text', text: '' }, { type: 'text', text: 'b' }] }], [{ role: 'user', content: [{ text: 'a' }, { text: 'b' }] }]],
    [
      'a data-URL image (jpg → jpeg)',
      [{ role: 'user', content: [{ type: 'image_url', image_url: { url: `data:image/jpg;base64,${PNG}` } }] }],
      [{ role: 'user', content: [{ image: { format: 'jpeg', source: { bytes: PNG } } }] }],
    ],
    ['system and developer left out', [{ role: 'system', content: 's' }, { role: 'developer', content: 'd' }, { role: 'user', content: 'u' }], [{ role: 'user', content: [{ text: 'u' }] }]],
    [
      'consecutive user turns merged',
      [{ role: 'user', content: 'a' }, { role: 'user', content: 'b' }, { role: 'assistant', content: 'c' }],
      [{ role: 'user', content: [{ text: 'a' }, { text: 'b' }] }, { role: 'assistant', content: [{ text: 'c' }] }],
    ],
    [
      'assistant tool calls → toolUse; tool results → toolResult blocks of one user turn',
      [
        { role: 'user', content: 'weather?' },
        { role: 'assistant', content: 'checking', tool_calls: [
          { id: 't1', type: 'function', function: { name: 'w', arguments: '{"city":"Oslo"}' } },
          { id: 't2', type: 'function', function: { name: 'w', arguments: '' } },
        ] },
        { role: 'tool', tool_call_id: 't1', content: 'cold' },
        { role: 'tool', tool_call_id: 't2', content: [{ type: 'text', text: 'warm' }] },
        { role: 'user', content: 'thanks' },
      ],
      [
        { role: 'user', content: [{ text: 'weather?' }] },
        { role: 'assistant', content: [{ text: 'checking' }, { toolUse: { toolUseId: 't1', name: 'w', input: { city: 'Oslo' } } }, { toolUse: { toolUseId: 't2', name: 'w', input: {} } }] },
        { role: 'user', content: [
          { toolResult: { toolUseId: 't1', content: [{ text: 'cold' }] } },
          { toolResult: { toolUseId: 't2', content: [{ text: 'warm' }] } },
          { text: 'thanks' },
        ] },
      ],
    ],
    ['an empty assistant message is dropped', [{ role: 'user', content: 'a' }, { role: 'assistant', content: '' }, { role: 'user', content: 'b' }], [{ role: 'user', content: [{ text: 'a' }, { text: 'b' }] }]],
  ])('%s', (_name, messages, expected) => {
    expect(toConverseMessages(messages)).toEqual(expected);
  });

  it.each<[string, ChatMessage]>([
    ['an http image URL', { role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://x.test/a.png' } }] }],
    ['an unsupported image type', { role: 'user', content: [{ type: 'image_url', image_url: { url: 'data:image/tiff;base64,AAAA' } }] }],
    ['an audio part', { role: 'user', content: [{ type: 'input_audio' }] }],
    ['tool arguments that are not JSON', { role: 'assistant', tool_calls: [{ id: 'x', type: 'function', function: { name: 'f', arguments: '{oops' } }] }],
    ['a tool message without tool_call_id', { role: 'tool', content: 'r' }],
    ['the legacy function role', { role: 'function', name: 'f', content: 'r' }],
  ])('%s → bad_request', (_name, message) => {
    expect(() => toConverseMessages([message])).toThrow(ProviderError);
    try {
      toConverseMessages([message]);
    } catch (e) {
      expect((e as ProviderError).kind).toBe('bad_request');
    }
  });
});

describe('toToolConfig', () => {
  const tool = { type: 'function', function: { name: 'f', description: 'does f', parameters: { type: 'object', properties: { a: { type: 'string' } } } } };
  const spec = { toolSpec: { name: 'f', description: 'does f', inputSchema: { json: tool.function.parameters } } };
  it.each<[string, unknown, boolean, unknown]>([
    ['no tool_choice → auto', undefined, false, { tools: [spec], toolChoice: { auto: {} } }],
    ['auto', 'auto', false, { tools: [spec], toolChoice: { auto: {} } }],
    ['required → any', 'required', false, { tools: [spec], toolChoice: { any: {} } }],
    ['a named function → tool', { type: 'function', function: { name: 'f' } }, false, { tools: [spec], toolChoice: { tool: { name: 'f' } } }],
    ['none → no tools', 'none', false, undefined],
    ['none, with tool blocks in the conversation → tools without a choice', 'none', true, { tools: [spec] }],
  ])('%s', (_name, choice, hasToolBlocks, expected) => {
    expect(toToolConfig({ tools: [tool], tool_choice: choice }, hasToolBlocks)).toEqual(expected);
  });

  it('a tool without parameters gets an empty object schema; no tools → undefined', () => {
    expect(toToolConfig({ tools: [{ type: 'function', function: { name: 'g' } }] }, false)?.tools[0]).toEqual({ toolSpec: { name: 'g', inputSchema: { json: { type: 'object', properties: {} } } } });
    expect(toToolConfig({}, false)).toBeUndefined();
    expect(() => toToolConfig({ tools: [{ type: 'web_search' }] }, false)).toThrow(/not supported/);
  });
});

describe('toConverseRequest', () => {
  it('system blocks, inferenceConfig from the request over deployment defaults', () => {
    const body = toConverseRequest(
      req([{ role: 'system', content: 'be terse' }, { role: 'user', content: 'hi' }], { max_tokens: 50, temperature: 0.2, stop: 'END' }),
      { temperature: 0.9, top_p: 0.5 },
    );
    expect(body).toEqual({
      messages: [{ role: 'user', content: [{ text: 'hi' }] }],
      system: [{ text: 'be terse' }],
      inferenceConfig: { maxTokens: 50, temperature: 0.2, topP: 0.5, stopSequences: ['END'] },
    });
  });

  it.each<[string, Partial<ChatCompletionRequest>, unknown]>([
    ['max_completion_tokens wins over max_tokens', { max_tokens: 10, max_completion_tokens: 20 }, { maxTokens: 20 }],
    ['a stop list', { stop: ['a', 'b'] }, { stopSequences: ['a', 'b'] }],
    ['nothing set → no inferenceConfig', {}, undefined],
  ])('%s', (_name, rest, expected) => {
    expect(toConverseRequest(req([{ role: 'user', content: 'x' }], rest)).inferenceConfig).toEqual(expected);
  });

  it.each<[string, Partial<ChatCompletionRequest>]>([
    ['n > 1', { n: 2 }],
    ['response_format json_object', { response_format: { type: 'json_object' } }],
  ])('%s → bad_request', (_name, rest) => {
    expect(() => toConverseRequest(req([{ role: 'user', content: 'x' }], rest))).toThrow(/bedrock: /);
  });
});
