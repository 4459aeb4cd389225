import type { GatehouseError } from '@gatehouse/contracts';
import { parseChatRequest } from '../chat/parse-chat-request';
import type { ClientProtocol, StreamEncoder } from './client-protocol';

const DATA = Buffer.from('data: ');
const EOL2 = Buffer.from('\n\n');
const DONE = Buffer.from('data: [DONE]\n\n');

/** OpenAI's own format: the internal one, so chunks pass through as the router sent their bytes. */
export const OpenAIChatProtocol: ClientProtocol = {
  endpoint: '/v1/chat/completions',
  parse: parseChatRequest,
  renderCompletion: (completion) => completion,
  renderError: (err) => err.toOpenAI(),
  streamEncoder: () => openAISse,
};

const openAISse: StreamEncoder = {
  contentType: 'text/event-stream; charset=utf-8',
  chunk: (json) => Buffer.concat([DATA, json, EOL2]),
  end: () => DONE,
  // What OpenAI's SDKs raise as an APIError mid-stream; no [DONE] follows.
  error: (err: GatehouseError) => Buffer.concat([DATA, Buffer.from(JSON.stringify(err.toOpenAI())), EOL2]),
};
