import type { ChatMessage } from '@gatehouse/contracts';
import { countChatTokens, countText, IMAGE_TOKENS, worstCaseTokens } from './count';
import { encodingFor } from './encodings';

// OpenAI cookbook "How to count tokens with tiktoken": these messages are 129 prompt tokens on
// gpt-3.5-turbo / gpt-4 (cl100k_base) and 124 on gpt-4o / gpt-4o-mini (o200k_base), as the API reports.
const COOKBOOK: ChatMessage[] = [
  { role: 'system', content: 'You are a helpful, pattern-following assistant that translates corporate jargon into plain English.' },
  { role: 'system', name: 'example_user', content: 'New synergies will help drive top-line growth.' },
  { role: 'system', name: 'example_assistant', content: 'Things working well together will increase revenue.' },
  { role: 'system', name: 'example_user', content: "Let's circle back when we have more bandwidth to touch base on opportunities for increased leverage." },
  { role: 'system', name: 'example_assistant', content: "Let's talk later when we're less busy about how to do better." },
  { role: 'user', content: "This late pivot means we don't have time to boil the ocean for the client deliverable." },
];

describe('encodingFor', () => {
  it.each([
    ['gpt-4o', 'o200k_base'],
    ['openai/gpt-4o-mini', 'o200k_base'],
    ['gpt-4.1-nano', 'o200k_base'],
    ['o3-mini', 'o200k_base'],
    ['gpt-5', 'o200k_base'],
    ['gpt-4', 'cl100k_base'],
    ['gpt-4-turbo-2024-04-09', 'cl100k_base'],
    ['azure/gpt-35-turbo', 'cl100k_base'],
    ['gpt-3.5-turbo', 'cl100k_base'],
    ['text-embedding-3-small', 'cl100k_base'],
    ['anthropic/claude-3-5-sonnet', 'o200k_base'],
    ['mock-model', 'o200k_base'],
  ])('%s → %s', (model, encoding) => {
    expect(encodingFor(model)).toBe(encoding);
  });
});

describe('countText', () => {
  it.each([
    ['hello world', 'gpt-4o', 2],
    ['hello world', 'gpt-4', 2],
    ['tiktoken is great!', 'gpt-4', 6],
    ['', 'gpt-4o', 0],
  ])('%j on %s is %d tokens', (text, model, n) => {
    expect(countText(text, model)).toBe(n);
  });

  it('counts special-token text as plain text instead of throwing', () => {
    expect(countText('<|endoftext|>', 'gpt-4o')).toBeGreaterThan(1);
  });
});

describe('countChatTokens', () => {
  it.each([
    ['gpt-3.5-turbo', 129],
    ['gpt-4', 129],
    ['gpt-4o', 124],
    ['gpt-4o-mini', 124],
  ])('the cookbook example on %s is %d tokens', (model, n) => {
    expect(countChatTokens({ messages: COOKBOOK }, model)).toBe(n);
  });

  it('estimates an image from above and counts text parts', () => {
    const withImage = countChatTokens({ messages: [{ role: 'user', content: [{ type: 'text', text: 'hello world' }, { type: 'image_url', image_url: { url: 'data:' } }] }] });
    const textOnly = countChatTokens({ messages: [{ role: 'user', content: 'hello world' }] });
    expect(withImage - textOnly).toBe(IMAGE_TOKENS);
  });

  it('counts tool definitions and tool calls', () => {
    const base = { messages: [{ role: 'user' as const, content: 'weather?' }] };
    const tools = [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } }];
    expect(countChatTokens({ ...base, tools })).toBeGreaterThan(countChatTokens(base) + 10);
    const call: ChatMessage = { role: 'assistant', content: null, tool_calls: [{ id: 'c1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }] };
    expect(countChatTokens({ messages: [...base.messages, call] })).toBeGreaterThan(countChatTokens(base) + 5);
  });
});

describe('worstCaseTokens', () => {
  it('adds the most the request may generate, for every choice', () => {
    const req = { model: 'gpt-4o', messages: [{ role: 'user' as const, content: 'hello world' }] };
    const prompt = countChatTokens(req);
    expect(worstCaseTokens({ ...req, max_tokens: 100, n: 2 })).toBe(prompt + 200);
    expect(worstCaseTokens(req, 'gpt-4o', 1000)).toBe(prompt + 1000);
  });
});
