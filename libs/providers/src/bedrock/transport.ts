import type { Dispatcher } from 'undici';
import { errorFromTransport, type CallDeadline, type PoolRegistry, type ResponseBody } from '../http';
import type { SignedRequest } from './api';
import { errorFromBedrockResponse, type BedrockErrorContext } from './errors';

/** One signed POST to Bedrock Runtime through the origin's pool, with the call's deadlines. */

/** Error bodies are read for their message only. */
const MAX_ERROR_BODY = 64 * 1024;

export interface BedrockResponse {
  body: ResponseBody;
  headers: Dispatcher.ResponseData['headers'];
}

/**
 * Sends exactly the signed bytes and headers; returns a 2xx answer. Any other status, a transport
 * failure or a deadline becomes the error to throw (ProviderError, or the caller's abort reason).
 */
export async function postSigned(pools: PoolRegistry, req: SignedRequest, deadline: CallDeadline, ctx: BedrockErrorContext): Promise<BedrockResponse> {
  const transportCtx = { label: ctx.label, apiKey: ctx.secrets[0] ?? null };
  let res: Dispatcher.ResponseData;
  try {
    res = await pools.get(req.origin).request({ method: 'POST', path: req.path, headers: req.headers, body: req.body, signal: deadline.signal });
  } catch (err) {
    throw deadline.failure() ?? errorFromTransport(err, 'request', transportCtx);
  }
  if (res.statusCode >= 200 && res.statusCode < 300) return { body: res.body, headers: res.headers };
  let text = '';
  try {
    text = await readCapped(res.body, MAX_ERROR_BODY);
  } catch {
    const stopped = deadline.failure();
    if (stopped) throw stopped;
    // The status and x-amzn-ErrorType still say what happened.
  }
  throw errorFromBedrockResponse(res.statusCode, res.headers, text, ctx);
}

async function readCapped(body: ResponseBody, max: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buf = chunk as Buffer;
    chunks.push(buf);
    size += buf.length;
    if (size >= max) {
      body.destroy();
      break;
    }
  }
  return Buffer.concat(chunks).toString('utf8').slice(0, max);
}
