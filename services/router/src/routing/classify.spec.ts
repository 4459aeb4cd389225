import { classifyComplexity } from './classify';

const auto = { alias: 'auto', long_prompt_tokens: 2_000, tiers: [{ group: 'small', max_score: 0.3 }, { group: 'medium', max_score: 0.6 }, { group: 'large', max_score: 1 }] };
const ask = (content: string, extra: Record<string, unknown> = {}) => classifyComplexity({ model: 'auto', messages: [{ role: 'user', content }], ...extra }, auto);

describe('classifyComplexity', () => {
  it.each([
    ['hello there', 'small'],
    ['Please explain why this is slow and compare the trade-offs, step by step.', 'small'],
    ['Fix this:\n```js\nfunction add(a, b) { return a - b; }\n```\nand explain why it failed, compare the options and analyze the trade-offs', 'medium'],
  ])('%j → %s', (content, group) => {
    expect(ask(content).group).toBe(group);
  });

  it('sends long, code-heavy, tool-using reasoning to the top tier and says why', () => {
    const v = ask(`${'x '.repeat(4_000)}\n\`\`\`py\ndef f(x):\n  return x\n\`\`\`\nprove it and derive the bound step by step`, { tools: [{ type: 'function' }] });
    expect(v.group).toBe('large');
    expect(v.score).toBe(1);
    expect(v.reasons.join('; ')).toMatch(/length.*code.*reasoning cues.*tools: 1/);
  });

  it('reads text parts of multimodal content', () => {
    const v = classifyComplexity({ model: 'auto', messages: [{ role: 'user', content: [{ type: 'text', text: 'prove and derive and analyze' }] }] }, auto);
    expect(v.reasons.some((r) => r.startsWith('reasoning cues'))).toBe(true);
  });
});
