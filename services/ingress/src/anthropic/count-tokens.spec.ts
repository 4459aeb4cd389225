import { countText, estimateInputTokens, IMAGE_TOKENS, TOOLS_OVERHEAD } from './count-tokens';

describe('estimateInputTokens', () => {
  it('counts text with o200k_base plus per-message framing', () => {
    expect(countText('hello world')).toBe(2);
    expect(estimateInputTokens({ messages: [{ role: 'user', content: 'hello world' }] })).toBe(5);
  });

  it('adds a fixed estimate per image, tool definitions and tool calls', () => {
    const tools = [{ type: 'function', function: { name: 'w' } }];
    const n = estimateInputTokens({
      messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://x' } }] }, { role: 'assistant', content: null, tool_calls: [{ id: 'c', type: 'function', function: { name: 'w', arguments: '{}' } }] }],
      tools,
    });
    expect(n).toBe(3 + IMAGE_TOKENS + 3 + countText('w') + countText('{}') + TOOLS_OVERHEAD + countText(JSON.stringify(tools)));
  });

  it('does not throw on special-token text', () => {
    expect(countText('<|endoftext|>')).toBeGreaterThan(0);
  });
});
