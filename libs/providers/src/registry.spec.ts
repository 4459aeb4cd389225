import { adapterFor, supportedProviders } from './registry';

describe('adapter registry', () => {
  it.each(['openai', 'hosted_vllm', 'ollama_chat', 'ollama', 'lm_studio', 'together_ai', 'groq', 'openai_compatible', 'deepseek', 'mistral', 'fireworks_ai'])(
    '%s is served by the OpenAI-compatible adapter',
    (provider) => expect(adapterFor(provider)?.providers).toContain('openai'),
  );

  it('mock has its own adapter; unknown providers have none', () => {
    expect(adapterFor('mock')?.providers).toEqual(['mock']);
    expect(adapterFor('bedrock')?.providers).toEqual(['bedrock']);
    expect(adapterFor('no_such_provider')).toBeNull();
  });

  it('lists every provider once, sorted', () => {
    const list = supportedProviders();
    expect(list).toEqual([...new Set(list)].sort());
    for (const p of ['openai', 'mock', 'bedrock', 'anthropic', 'gemini', 'vertex_ai', 'azure']) expect(list).toContain(p);
    for (const p of list) expect(adapterFor(p)?.providers).toContain(p);
  });
});
