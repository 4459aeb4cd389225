import { type EmbeddingsRequest, EmbeddingsRequest as Schema, GatehouseError } from '@gatehouse/contracts';

/** Pure: the body as an OpenAI embeddings request, or a 400 naming the first bad field. */
export function parseEmbeddingsRequest(body: unknown): EmbeddingsRequest {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new GatehouseError('invalid_request', 'The request body must be a JSON object.');
  }
  const parsed = Schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const param = issue.path.map(String).join('.');
  throw new GatehouseError('invalid_request', `Invalid request: ${param ? `${param}: ` : ''}${issue.message}`, { param: param || undefined });
}

/** Pure: how long ingress waits for `router.embed`: every attempt may take its deployment's timeout. */
export function embedDeadlineMs(timeoutsMs: readonly number[], numRetries: number): number {
  const slowest = Math.max(1_000, ...timeoutsMs);
  return slowest * (numRetries + 1) + 1_000;
}
