import { post, type CallDeadline, type PoolRegistry, type PostAnswer } from '../http';
import type { SignedRequest } from './api';
import { errorFromBedrockResponse, type BedrockErrorContext } from './errors';

/**
 * One signed POST to Bedrock Runtime through the shared transport: sends exactly the signed
 * bytes and headers; returns a 2xx answer (its headers carry the embedding token counts). Any
 * other status is read as an AWS typed error (`x-amzn-ErrorType`), every credential scrubbed.
 */
export function postSigned(pools: PoolRegistry, req: SignedRequest, deadline: CallDeadline, ctx: BedrockErrorContext): Promise<PostAnswer> {
  const transportCtx = { label: ctx.label, apiKey: ctx.secrets[0] ?? null };
  return post(pools, req, req.headers, req.body, deadline, transportCtx, (status, headers, text) => errorFromBedrockResponse(status, headers, text, ctx));
}
