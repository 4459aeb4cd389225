import type { ChatCompletionChunk, GatehouseError } from '@gatehouse/contracts';
import { parseLegacyCompletion, toTextCompletion, toTextCompletionChunk } from '../completions/legacy-completions';
import type { ClientProtocol, StreamEncoder } from './client-protocol';

/** OpenAI's legacy Completions API: chat inside, `text_completion` objects and chunks outside. */
export const OpenAICompletionsProtocol: ClientProtocol = {
  endpoint: '/v1/completions',
  parse: parseLegacyCompletion,
  renderCompletion: (completion) => toTextCompletion(completion),
  renderError: (err) => err.toOpenAI(),
  streamEncoder: () => legacySse,
};

const sse = (value: unknown) => Buffer.from(`data: ${JSON.stringify(value)}\n\n`);

const legacySse: StreamEncoder = {
  contentType: 'text/event-stream; charset=utf-8',
  chunk: (json) => {
    const out = toTextCompletionChunk(JSON.parse(Buffer.from(json).toString('utf8')) as ChatCompletionChunk);
    return out ? sse(out) : null;
  },
  end: () => Buffer.from('data: [DONE]\n\n'),
  error: (err: GatehouseError) => sse(err.toOpenAI()),
};
