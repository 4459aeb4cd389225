import type { ChatCompletion, GatehouseError } from '@gatehouse/contracts';
import { legacyLogprobs, parseLegacyCompletion, toTextCompletion, toTextCompletionChunk } from './legacy-completions';

function refused(body: unknown): string | null {
  try {
    parseLegacyCompletion(body);
  } catch (e) {
    expect((e as GatehouseError).status).toBe(400);
    return (e as GatehouseError).toOpenAI().error.param;
  }
  throw new Error('expected a 400');
}

describe('parseLegacyCompletion', () => {
  it.each([
    [{ model: 'm', prompt: 'Say hi' }, { model: 'm', messages: [{ role: 'user', content: 'Say hi' }] }],
    [
      { model: 'm', prompt: ['one'], max_tokens: 5, temperature: 0.2, stop: ['\n'], stream: true, user: 'u', n: 1 },
      { model: 'm', messages: [{ role: 'user', content: 'one' }], max_tokens: 5, temperature: 0.2, stop: ['\n'], stream: true, user: 'u', n: 1 },
    ],
    [{ model: 'm', prompt: 'x', logprobs: 2 }, { model: 'm', messages: [{ role: 'user', content: 'x' }], logprobs: true, top_logprobs: 2 }],
    [{ model: 'm', prompt: 'x', echo: false, best_of: 1, suffix: '' }, { model: 'm', messages: [{ role: 'user', content: 'x' }] }],
  ])('%j → %j', (body, chat) => {
    expect(parseLegacyCompletion(body)).toEqual(chat);
  });

  it.each([
    ['no prompt', { model: 'm' }, 'prompt'],
    ['no model', { prompt: 'x' }, 'model'],
    ['two prompts', { model: 'm', prompt: ['a', 'b'] }, 'prompt'],
    ['token prompt', { model: 'm', prompt: [1, 2] }, 'prompt'],
    ['echo', { model: 'm', prompt: 'x', echo: true }, 'echo'],
    ['suffix', { model: 'm', prompt: 'x', suffix: 'end' }, 'suffix'],
    ['best_of', { model: 'm', prompt: 'x', best_of: 3 }, 'best_of'],
    ['bad temperature', { model: 'm', prompt: 'x', temperature: 9 }, 'temperature'],
  ])('%s → 400 naming %s', (_n, body, param) => {
    expect(refused(body)).toBe(param);
  });
});

const completion: ChatCompletion = {
  id: 'chatcmpl-abc', object: 'chat.completion', created: 7, model: 'gpt-x',
  choices: [{ index: 0, message: { role: 'assistant', content: 'Hello there' }, finish_reason: 'length' }],
  usage: { prompt_tokens: 2, completion_tokens: 2, total_tokens: 4 },
};

describe('toTextCompletion', () => {
  it('renders a text_completion', () => {
    expect(toTextCompletion(completion)).toEqual({
      id: 'cmpl-abc', object: 'text_completion', created: 7, model: 'gpt-x',
      choices: [{ text: 'Hello there', index: 0, logprobs: null, finish_reason: 'length' }],
      usage: { prompt_tokens: 2, completion_tokens: 2, total_tokens: 4 },
    });
  });
});

describe('toTextCompletionChunk', () => {
  const chunk = { id: 'chatcmpl-abc', object: 'chat.completion.chunk' as const, created: 7, model: 'gpt-x' };
  it.each([
    [{ ...chunk, choices: [{ index: 0, delta: { role: 'assistant', content: '' } }] }, null],
    [{ ...chunk, choices: [{ index: 0, delta: { content: 'Hi' }, finish_reason: null }] }, { id: 'cmpl-abc', object: 'text_completion', created: 7, model: 'gpt-x', choices: [{ text: 'Hi', index: 0, logprobs: null, finish_reason: null }] }],
    [{ ...chunk, choices: [{ index: 0, delta: {}, finish_reason: 'stop' as const }] }, { id: 'cmpl-abc', object: 'text_completion', created: 7, model: 'gpt-x', choices: [{ text: '', index: 0, logprobs: null, finish_reason: 'stop' }] }],
    [{ ...chunk, choices: [], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } }, { id: 'cmpl-abc', object: 'text_completion', created: 7, model: 'gpt-x', choices: [], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } }],
  ])('%j → %j', (input, output) => {
    expect(toTextCompletionChunk(input)).toEqual(output);
  });
});

describe('legacyLogprobs', () => {
  it('turns per-token objects into parallel arrays with text offsets', () => {
    const lp = { content: [{ token: 'He', logprob: -0.1, top_logprobs: [{ token: 'He', logprob: -0.1 }] }, { token: 'llo', logprob: -0.2, top_logprobs: [] }] };
    expect(legacyLogprobs(lp)).toEqual({ tokens: ['He', 'llo'], token_logprobs: [-0.1, -0.2], top_logprobs: [{ He: -0.1 }, {}], text_offset: [0, 2] });
    expect(legacyLogprobs(null)).toBeNull();
  });
});
