import { type ChatCompletionRequest, ChatCompletionRequest as Schema, type ChatMessage, GatehouseError } from '@gatehouse/contracts';

/** Pure: the body as a chat request, or a 400 that names the first bad field (OpenAI's `param`). */
export function parseChatRequest(body: unknown): ChatCompletionRequest {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new GatehouseError('invalid_request', 'The request body must be a JSON object.');
  }
  const parsed = Schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const param = issue.path.map(String).join('.');
  throw new GatehouseError('invalid_request', `Invalid request: ${param ? `${param}: ` : ''}${issue.message}`, { param: param || undefined });
}

/** Pure: each message's text (text parts joined), with its role, for the guard's inbound scan. */
export function messageTexts(messages: readonly ChatMessage[]): { role: string; text: string }[] {
  return messages.map((m) => ({
    role: m.role,
    text: typeof m.content === 'string'
      ? m.content
      : Array.isArray(m.content)
        ? m.content.flatMap((p) => (p.type === 'text' && typeof p.text === 'string' ? [p.text] : [])).join('\n')
        : '',
  }));
}
