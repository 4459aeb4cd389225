import { planChat, type ChatRequestBody } from './chat-plan';
import { renderChunks } from './chat-render';
import { countWords, streamPieces } from './text';

const user = (content: unknown) => ({ role: 'user', content });
const weather = { type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' }, days: { type: 'integer' }, metric: { type: 'boolean' } } } } };

describe('countWords / streamPieces', () => {
  it.each([
    ['', 0],
    ['one', 1],
    ['  two\twords\n', 2],
    ['a b  c', 3],
  ])('%j has %i words', (text, n) => expect(countWords(text)).toBe(n));

  it('pieces keep their leading whitespace and join back to the text', () => {
    expect(streamPieces('Echo: hi  there')).toEqual(['Echo:', ' hi', '  there']);
  });
});

describe('planChat', () => {
  const cases: [string, ChatRequestBody, Partial<ReturnType<typeof planChat>>][] = [
    ['echoes the last user message', { model: 'm', messages: [user('first'), { role: 'assistant', content: 'x y' }, user('hello big world')] },
      { pieces: ['Echo:', ' hello', ' big', ' world'], finishReason: 'stop', promptTokens: 6, completionTokens: 4 }],
    ['reads text parts of content arrays', { model: 'm', messages: [user([{ type: 'text', text: 'a b' }, { type: 'image_url', image_url: { url: 'u' } }])] },
      { pieces: ['Echo:', ' a', ' b'], promptTokens: 2 }],
    ['cuts at max_tokens with finish_reason length', { model: 'm', messages: [user('one two three four')], max_tokens: 2 },
      { pieces: ['Echo:', ' one'], finishReason: 'length', completionTokens: 2 }],
    ['max_completion_tokens wins over max_tokens', { model: 'm', messages: [user('one two')], max_tokens: 1, max_completion_tokens: 3 },
      { finishReason: 'stop', completionTokens: 3 }],
    ['n choices multiply completion tokens', { model: 'm', messages: [user('hi')], n: 3 }, { choices: 3, completionTokens: 6 }],
    ['no user message still answers', { model: 'm', messages: [{ role: 'system', content: 'be nice' }] }, { pieces: ['Echo:'], promptTokens: 2 }],
  ];
  it.each(cases)('%s', (_name, body, expected) => expect(planChat(body)).toMatchObject(expected));

  it('calls a tool the user names, with arguments fitting its schema', () => {
    const plan = planChat({ model: 'm', messages: [user('use get_weather for Paris')], tools: [weather] });
    expect(plan.finishReason).toBe('tool_calls');
    expect(plan.pieces).toEqual([]);
    expect(plan.toolCall?.function.name).toBe('get_weather');
    expect(JSON.parse(plan.toolCall!.function.arguments)).toEqual({ city: 'use get_weather for Paris', days: 4, metric: true });
    expect(plan.toolCall?.id).toMatch(/^call_[0-9a-f]{8}$/);
  });

  it.each([
    ['the user does not name it', { messages: [user('hello')] }],
    ['tool_choice is none', { messages: [user('get_weather')], tool_choice: 'none' }],
    ['the last message is a tool result', { messages: [user('get_weather'), { role: 'tool', content: '{}' }] }],
  ])('answers text when %s', (_name, extra) => {
    expect(planChat({ model: 'm', tools: [weather], ...extra } as ChatRequestBody).toolCall).toBeNull();
  });

  it('tool_choice required or named forces a call', () => {
    expect(planChat({ model: 'm', messages: [user('hi')], tools: [weather], tool_choice: 'required' }).toolCall?.function.name).toBe('get_weather');
    const named = { type: 'function', function: { name: 'get_weather' } };
    expect(planChat({ model: 'm', messages: [user('hi')], tools: [weather], tool_choice: named }).toolCall).not.toBeNull();
  });
});

describe('renderChunks', () => {
  const env = { id: 'chatcmpl-1', created: 1 };

  it('role delta, content deltas, finish chunk, then usage with empty choices', () => {
    const chunks = renderChunks(planChat({ model: 'm', messages: [user('hi there')] }), env, true).map((c) => JSON.parse(c));
    expect(chunks.map((c) => c.choices[0]?.delta)).toEqual([{ role: 'assistant', content: '', refusal: null }, { content: 'Echo:' }, { content: ' hi' }, { content: ' there' }, {}, undefined]);
    expect(chunks[4].choices[0].finish_reason).toBe('stop');
    expect(chunks.slice(0, 5).every((c) => c.usage === null && c.object === 'chat.completion.chunk')).toBe(true);
    expect(chunks[5]).toMatchObject({ choices: [], usage: { prompt_tokens: 2, completion_tokens: 3, total_tokens: 5 } });
  });

  it('without include_usage there is no usage field and no usage chunk', () => {
    const chunks = renderChunks(planChat({ model: 'm', messages: [user('hi')] }), env, false).map((c) => JSON.parse(c));
    expect(chunks).toHaveLength(4);
    expect(chunks.some((c) => 'usage' in c)).toBe(false);
  });

  it('streams a tool call as an id/name delta followed by argument pieces', () => {
    const plan = planChat({ model: 'm', messages: [user('get_weather')], tools: [weather] });
    const chunks = renderChunks(plan, env, false).map((c) => JSON.parse(c));
    const calls = chunks.flatMap((c) => c.choices[0].delta.tool_calls ?? []);
    expect(calls[0]).toMatchObject({ index: 0, id: plan.toolCall!.id, type: 'function', function: { name: 'get_weather', arguments: '' } });
    expect(calls.length).toBeGreaterThan(2);
    expect(calls.map((c: { function: { arguments: string } }) => c.function.arguments).join('')).toBe(plan.toolCall!.function.arguments);
    expect(chunks[chunks.length - 1].choices[0].finish_reason).toBe('tool_calls');
  });
});
