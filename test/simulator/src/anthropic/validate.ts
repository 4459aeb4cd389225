/**
 * Request checks of the Messages API, with its wording (`<field path>: <problem>`). Null when
 * the body is acceptable. `countOnly` is `/v1/messages/count_tokens` (no `max_tokens`).
 */
export function invalidMessages(b: Record<string, unknown>, countOnly = false): string | null {
  if (typeof b.model !== 'string' || !b.model) return b.model === undefined ? 'model: Field required' : 'model: Input should be a valid string';
  if (!countOnly) {
    if (b.max_tokens === undefined) return 'max_tokens: Field required';
    if (typeof b.max_tokens !== 'number' || !Number.isInteger(b.max_tokens)) return 'max_tokens: Input should be a valid integer';
    if (b.max_tokens < 1) return 'max_tokens: Input should be greater than or equal to 1';
  }
  if (b.messages === undefined) return 'messages: Field required';
  if (!Array.isArray(b.messages)) return 'messages: Input should be a valid list';
  let previous: unknown = null;
  for (let i = 0; i < b.messages.length; i++) {
    const m = b.messages[i] as { role?: unknown; content?: unknown } | null;
    if (!m || typeof m !== 'object') return `messages.${i}: Input should be a valid dictionary`;
    if (m.role !== 'user' && m.role !== 'assistant') return `messages.${i}.role: Input should be 'user' or 'assistant'`;
    if (m.content === undefined) return `messages.${i}.content: Field required`;
    if (typeof m.content !== 'string' && !Array.isArray(m.content)) return `messages.${i}.content: Input should be a valid string or list`;
    const last = i === b.messages.length - 1 && m.role === 'assistant';
    if (!last && (m.content === '' || (Array.isArray(m.content) && m.content.length === 0))) {
      return `messages.${i}: all messages must have non-empty content except for the optional final assistant message`;
    }
    if (m.role === previous) return `messages: roles must alternate between "user" and "assistant", but found multiple "${m.role}" roles in a row`;
    previous = m.role;
  }
  if (b.messages.length === 0) return 'messages: at least one message is required';
  if (b.system !== undefined && typeof b.system !== 'string' && !Array.isArray(b.system)) return 'system: Input should be a valid string or list';
  if (b.tools !== undefined && !Array.isArray(b.tools)) return 'tools: Input should be a valid list';
  return null;
}
