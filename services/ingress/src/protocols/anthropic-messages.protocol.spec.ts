import { GatehouseError } from '@gatehouse/contracts';
import { anthropicErrorType, toAnthropicError } from './anthropic-error';
import { AnthropicMessagesProtocol, AnthropicSseEncoder } from './anthropic-messages.protocol';

const bytes = (o: object) => Buffer.from(JSON.stringify(o));

describe('AnthropicMessagesProtocol.parse', () => {
  it('an Anthropic request becomes an OpenAI chat request', () => {
    expect(AnthropicMessagesProtocol.parse({ model: 'claude', max_tokens: 10, system: 's', messages: [{ role: 'user', content: 'hi' }], stream: true })).toEqual({
      model: 'claude', max_tokens: 10, stream: true, messages: [{ role: 'system', content: 's' }, { role: 'user', content: 'hi' }],
    });
  });

  it.each([
    [[1], 'The request body must be a JSON object.', undefined],
    [{ model: 'c', messages: [{ role: 'user', content: 'x' }] }, 'max_tokens: Field required', 'max_tokens'],
    [{ max_tokens: 1, messages: [{ role: 'user', content: 'x' }] }, 'model: Field required', 'model'],
    [{ model: 'c', max_tokens: 1, messages: [{ role: 'user' }] }, 'messages.0.content: Field required', 'messages.0.content'],
    [{ model: 'c', max_tokens: 0, messages: [{ role: 'user', content: 'x' }] }, 'max_tokens: ', 'max_tokens'],
  ])('400 naming the field for %j', (body, message, param) => {
    try {
      AnthropicMessagesProtocol.parse(body);
      throw new Error('parsed');
    } catch (e) {
      expect(e).toBeInstanceOf(GatehouseError);
      expect((e as GatehouseError).message).toContain(message);
      expect((e as GatehouseError).details.param).toBe(param);
      expect((e as GatehouseError).status).toBe(400);
    }
  });
});

describe('Anthropic errors', () => {
  it.each([
    [new GatehouseError('invalid_request', 'x'), 'invalid_request_error'],
    [new GatehouseError('invalid_api_key', 'x'), 'authentication_error'],
    [new GatehouseError('permission_denied', 'x'), 'permission_error'],
    [new GatehouseError('model_not_found', 'x'), 'not_found_error'],
    [new GatehouseError('rate_limit_exceeded', 'x'), 'rate_limit_error'],
    [new GatehouseError('upstream_error', 'x', { status: 529 }), 'overloaded_error'],
    [new GatehouseError('upstream_error', 'x', { status: 502 }), 'api_error'],
    [new GatehouseError('upstream_timeout', 'x'), 'timeout_error'],
  ])('%s → %s', (err, type) => expect(anthropicErrorType(err)).toBe(type));

  it('renders the Anthropic error body', () => {
    expect(AnthropicMessagesProtocol.renderError(new GatehouseError('invalid_request', 'bad'))).toEqual({ type: 'error', error: { type: 'invalid_request_error', message: 'bad' } });
  });
});

describe('AnthropicSseEncoder', () => {
  it('encodes chunks as named SSE events and ends with message_delta + message_stop', () => {
    const enc = new AnthropicSseEncoder('alias');
    const head = { id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1, model: 'gpt' };
    const out = [
      enc.chunk(bytes({ ...head, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] })),
      enc.chunk(bytes({ ...head, choices: [{ index: 0, delta: { content: 'Hi' }, finish_reason: null }] })),
      enc.end({ route: { deployment_id: 'd', provider: 'openai', provider_model: 'gpt', attempts: 1, ttft_ms: 1 }, usage: { prompt_tokens: 3, completion_tokens: 1, total_tokens: 4 }, finish_reason: 'stop' }),
    ].map((b) => b?.toString() ?? '').join('');
    const names = [...out.matchAll(/^event: (\w+)$/gm)].map((m) => m[1]);
    expect(names).toEqual(['message_start', 'content_block_start', 'content_block_delta', 'content_block_stop', 'message_delta', 'message_stop']);
    expect(out).toContain('data: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"input_tokens":3,"output_tokens":1');
  });

  it('a chunk that says nothing writes nothing; errors are error events', () => {
    const enc = new AnthropicSseEncoder('alias');
    enc.chunk(bytes({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: { role: 'assistant' }, finish_reason: null }] }));
    expect(enc.chunk(bytes({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [] }))).toBeNull();
    expect(enc.error(new GatehouseError('stream_interrupted', 'cut')).toString()).toBe('event: error\ndata: {"type":"error","error":{"type":"api_error","message":"cut"}}\n\n');
  });
});
