import { postJson, type CallDeadline, type Endpoint, type ErrorContext, type PoolRegistry, type ResponseBody } from '../http';
import { googleErrorFromResponse } from './errors';

/**
 * One JSON POST to a Google endpoint: the shared `postJson`, but error answers are read as
 * `google.rpc.Status` (retry delay in the body, key errors under a 400) by `googleErrorFromResponse`.
 */
export function googlePost(
  pools: PoolRegistry,
  endpoint: Endpoint,
  headers: Record<string, string>,
  body: string,
  deadline: CallDeadline,
  ctx: ErrorContext,
): Promise<ResponseBody> {
  return postJson(pools, endpoint, headers, body, deadline, ctx, (status, resHeaders, text) => googleErrorFromResponse(status, resHeaders, text, ctx));
}
