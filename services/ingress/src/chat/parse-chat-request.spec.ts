import { GatehouseError } from '@gatehouse/contracts';
import { messageTexts, parseChatRequest } from './parse-chat-request';

function error(body: unknown): GatehouseError {
  try {
    parseChatRequest(body);
  } catch (e) {
    return e as GatehouseError;
  }
  throw new Error('expected a 400');
}

describe('parseChatRequest', () => {
  it('accepts a minimal request and keeps unknown fields', () => {
    const r = parseChatRequest({ model: 'm', messages: [{ role: 'user', content: 'hi' }], logprobs: true });
    expect(r).toMatchObject({ model: 'm', logprobs: true });
  });

  it.each([
    [[], undefined],
    [{ messages: [{ role: 'user', content: 'x' }] }, 'model'],
    [{ model: 'm', messages: [] }, 'messages'],
    [{ model: 'm', messages: [{ role: 'robot', content: 'x' }] }, 'messages.0.role'],
    [{ model: 'm', messages: [{ role: 'user', content: 'x' }], temperature: 3 }, 'temperature'],
  ])('%j → 400 naming %s', (body, param) => {
    const e = error(body);
    expect(e.status).toBe(400);
    expect(e.toOpenAI().error.param ?? undefined).toBe(param);
  });
});

describe('messageTexts', () => {
  it('joins text parts and skips images', () => {
    expect(messageTexts([{ role: 'user', content: [{ type: 'text', text: 'a' }, { type: 'image_url', image_url: { url: 'u' } }, { type: 'text', text: 'b' }] }])).toEqual([{ role: 'user', text: 'a\nb' }]);
  });
});
