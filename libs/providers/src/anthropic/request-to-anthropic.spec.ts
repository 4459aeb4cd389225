import type { ChatCompletionRequest } from '@gatehouse/contracts';
import { ProviderError } from '../types';
import { toAnthropicBody, type AnthropicDeployment } from './request-to-anthropic';

const dep = (extra: Record<string, unknown> = {}, modelInfo: Record<string, unknown> = {}): AnthropicDeployment => ({ providerModel: 'claude-x', extra, modelInfo });
const req = (r: Partial<ChatCompletionRequest>): ChatCompletionRequest => ({ model: 'alias', messages: [{ role: 'user', content: 'hi' }], ...r });
const tool = { type: 'function', function: { name: 'get_weather', description: 'd', parameters: { type: 'object', properties: { city: { type: 'string' } } } } };

describe('toAnthropicBody', () => {
  const cases: [string, ChatCompletionRequest, AnthropicDeployment, Record<string, unknown>][] = [
    ['minimal: default max_tokens, provider model, string content', req({}), dep(), { model: 'claude-x', max_tokens: 4096, messages: [{ role: 'user', content: 'hi' }] }],
    ['max_completion_tokens wins over max_tokens', req({ max_tokens: 10, max_completion_tokens: 20 }), dep(), { max_tokens: 20 }],
    ['deployment max_tokens, then model_info', req({}), dep({}, { max_output_tokens: 8192, max_tokens: 100 }), { max_tokens: 8192 }],
    ['system and developer → system, joined', req({ messages: [{ role: 'system', content: 'a' }, { role: 'developer', content: [{ type: 'text', text: 'b' }] }, { role: 'user', content: 'q' }] }), dep(),
      { system: 'a\n\nb', messages: [{ role: 'user', content: 'q' }] }],
    ['stop, temperature, top_p, user', req({ stop: 'END', temperature: 0.2, top_p: 0.9, user: 'u-1' }), dep(), { stop_sequences: ['END'], temperature: 0.2, top_p: 0.9, metadata: { user_id: 'u-1' } }],
    ['deployment defaults for temperature and stop', req({}), dep({ temperature: 0.5, stop: ['x'] }), { temperature: 0.5, stop_sequences: ['x'] }],
    ['images: data URL → base64, http → url', req({ messages: [{ role: 'user', content: [{ type: 'text', text: 'look' }, { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } }, { type: 'image_url', image_url: { url: 'https://x/y.jpg' } }] }] }), dep(),
      { messages: [{ role: 'user', content: [{ type: 'text', text: 'look' }, { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'AAAA' } }, { type: 'image', source: { type: 'url', url: 'https://x/y.jpg' } }] }] }],
    ['tool calls and results; consecutive tool results merged into one user turn', req({
      messages: [
        { role: 'user', content: 'weather?' },
        { role: 'assistant', content: null, tool_calls: [{ id: 'c1', type: 'function', function: { name: 'w', arguments: '{"city":"A"}' } }, { id: 'c2', type: 'function', function: { name: 'w', arguments: '' } }] },
        { role: 'tool', tool_call_id: 'c1', content: 'sunny' },
        { role: 'tool', tool_call_id: 'c2', content: [{ type: 'text', text: 'rain' }] },
        { role: 'user', content: 'thanks' },
      ],
    }), dep(), {
      messages: [
        { role: 'user', content: 'weather?' },
        { role: 'assistant', content: [{ type: 'tool_use', id: 'c1', name: 'w', input: { city: 'A' } }, { type: 'tool_use', id: 'c2', name: 'w', input: {} }] },
        { role: 'user', content: [
          { type: 'tool_result', tool_use_id: 'c1', content: 'sunny' },
          { type: 'tool_result', tool_use_id: 'c2', content: [{ type: 'text', text: 'rain' }] },
          { type: 'text', text: 'thanks' },
        ] },
      ],
    }],
    ['consecutive user turns merged; empty assistant dropped', req({ messages: [{ role: 'user', content: 'a' }, { role: 'assistant', content: '' }, { role: 'user', content: 'b' }] }), dep(),
      { messages: [{ role: 'user', content: [{ type: 'text', text: 'a' }, { type: 'text', text: 'b' }] }] }],
    ['tools and tool_choice auto (omitted)', req({ tools: [tool], tool_choice: 'auto' }), dep(), { tools: [{ name: 'get_weather', description: 'd', input_schema: tool.function.parameters }] }],
    ['tool_choice required → any', req({ tools: [tool], tool_choice: 'required' }), dep(), { tool_choice: { type: 'any' } }],
    ['tool_choice none', req({ tools: [tool], tool_choice: 'none' }), dep(), { tool_choice: { type: 'none' } }],
    ['tool_choice function → tool, parallel off', req({ tools: [tool], tool_choice: { type: 'function', function: { name: 'get_weather' } }, parallel_tool_calls: false }), dep(),
      { tool_choice: { type: 'tool', name: 'get_weather', disable_parallel_tool_use: true } }],
    ['stream flag', req({ stream: true }), dep(), { stream: true }],
  ];
  it.each(cases)('%s', (_name, request, deployment, expected) => {
    expect(toAnthropicBody(request, deployment, request.stream === true)).toMatchObject(expected);
  });

  it('drops what Anthropic has no field for', () => {
    const body = toAnthropicBody(req({ seed: 1, n: 1, response_format: { type: 'json_object' }, metadata: { tags: ['t'] }, tools: [tool], tool_choice: 'auto' }), dep(), false);
    expect(Object.keys(body).sort()).toEqual(['max_tokens', 'messages', 'model', 'tools']);
  });

  it.each([
    ['n > 1', req({ n: 2 }), dep(), /n > 1/],
    ['response_format with drop_params false', req({ response_format: { type: 'json_schema' } }), dep({ drop_params: false }), /response_format json_schema/],
    ['arguments that are not JSON', req({ messages: [{ role: 'assistant', tool_calls: [{ id: 'c', type: 'function', function: { name: 'w', arguments: '{oops' } }] }] }), dep(), /not JSON/],
    ['an audio part', req({ messages: [{ role: 'user', content: [{ type: 'input_audio' }] }] }), dep(), /input_audio/],
    ['an image that is neither data nor http', req({ messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'file:///x' } }] }] }), dep(), /http\(s\) or base64/],
  ] as const)('bad_request: %s', (_name, request, deployment, message) => {
    const run = () => toAnthropicBody(request, deployment, false);
    expect(run).toThrow(message);
    expect(run).toThrow(ProviderError);
  });
});
