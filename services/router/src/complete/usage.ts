import type { ChatCompletionChunk, ChatCompletionRequest, Usage } from '@gatehouse/contracts';

/**
 * Pure: a rough token count (4 characters a token) for when a provider gave no usage, e.g. a
 * stream cut or cancelled before its usage chunk. Issue #5 replaces it with real tokenizers.
 */
export function estimateUsage(request: ChatCompletionRequest, completionChars: number): Usage {
  const prompt = Math.ceil(JSON.stringify(request.messages).length / 4);
  const completion = Math.ceil(completionChars / 4);
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
}

/**
 * Pure: the chunk as the client should see it. The router always asks providers for usage (to
 * bill); a client that did not ask (`stream_options.include_usage`) must not get the extra
 * usage-only chunk, nor a `usage` field on content chunks. Null means "send nothing".
 */
export function chunkForClient(chunk: ChatCompletionChunk, clientWantsUsage: boolean): ChatCompletionChunk | null {
  if (clientWantsUsage || !chunk.usage) return chunk;
  if (chunk.choices.length === 0) return null;
  const { usage: _usage, ...rest } = chunk;
  return rest as ChatCompletionChunk;
}
