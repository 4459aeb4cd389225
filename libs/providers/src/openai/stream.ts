import type { ChatCompletionChunk } from '@gatehouse/contracts';
import { scrub, upstreamError, type ErrorContext } from '../http';
import type { SseEvent } from '../sse';
import { ProviderError } from '../types';
import { fromWireChunk, type DeploymentShape, type Envelope } from './chat-completions';
import { WireChunk } from './wire';

/**
 * An OpenAI-compatible SSE stream as chunks. Pure over its input events, so fixture tests need no
 * network. The stream is complete only with `data: [DONE]`: ending without it is `stream_cut`,
 * an error inside it (`event: error`, or a `data:` object with `error`) is `server`.
 */
export async function* openAIChunks(
  events: AsyncIterable<SseEvent>,
  deployment: DeploymentShape,
  env: Envelope,
  ctx: ErrorContext,
): AsyncGenerator<ChatCompletionChunk, void, undefined> {
  let done = false;
  try {
    for await (const event of events) {
      if (done) continue; // drain to the end of the body so the connection can be reused
      if (event.data === '[DONE]') {
        done = true;
        continue;
      }
      if (event.event === 'error') throw inStreamError(event.data, ctx);
      if (event.event !== undefined && event.event !== 'message') continue; // pings and vendor events
      let json: unknown;
      try {
        json = JSON.parse(event.data);
      } catch {
        throw new ProviderError('server', `${ctx.label}: stream chunk is not JSON`);
      }
      if (json && typeof json === 'object' && 'error' in json && json.error) throw inStreamError(event.data, ctx);
      const parsed = WireChunk.safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new ProviderError('server', `${ctx.label}: unexpected stream chunk (${issue.path.join('.') || 'chunk'}: ${issue.message})`);
      }
      yield fromWireChunk(parsed.data, deployment, env);
    }
  } catch (err) {
    // After `[DONE]` every chunk has been delivered: a broken tail loses nothing.
    if (!done) throw err;
  }
  if (!done) throw new ProviderError('stream_cut', `${ctx.label}: stream ended without [DONE]`);
}

function inStreamError(data: string, ctx: ErrorContext): ProviderError {
  return new ProviderError('server', scrub(`${ctx.label} sent an error in the stream: ${upstreamError(data).message}`, ctx.apiKey));
}
