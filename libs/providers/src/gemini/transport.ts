import type { Dispatcher } from 'undici';
import { errorFromTransport, type CallDeadline, type Endpoint, type ErrorContext, type PoolRegistry, type ResponseBody } from '../http';
import { googleErrorFromResponse } from './errors';

/**
 * One JSON POST to a Google endpoint. Like the shared `postJson`, but error answers are read as
 * `google.rpc.Status` (retry delay in the body, key errors under a 400) by `googleErrorFromResponse`.
 */

const MAX_ERROR_BODY = 64 * 1024;

export async function googlePost(
  pools: PoolRegistry,
  endpoint: Endpoint,
  headers: Record<string, string>,
  body: string,
  deadline: CallDeadline,
  ctx: ErrorContext,
): Promise<ResponseBody> {
  let res: Dispatcher.ResponseData;
  try {
    res = await pools.get(endpoint.origin).request({ method: 'POST', path: endpoint.path, headers, body, signal: deadline.signal });
  } catch (err) {
    throw deadline.failure() ?? errorFromTransport(err, 'request', ctx);
  }
  if (res.statusCode >= 200 && res.statusCode < 300) return res.body;
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of res.body) {
      chunks.push(chunk as Buffer);
      size += (chunk as Buffer).length;
      if (size >= MAX_ERROR_BODY) {
        res.body.destroy();
        break;
      }
    }
  } catch {
    const stopped = deadline.failure();
    if (stopped) throw stopped;
    // The status alone still says what happened.
  }
  throw googleErrorFromResponse(res.statusCode, res.headers, Buffer.concat(chunks).toString('utf8'), ctx);
}
