import type { Dispatcher } from 'undici';
import type { CallDeadline } from './deadline';
import { errorFromResponse, errorFromTransport, type ErrorContext } from './errors';
import type { PoolRegistry } from './pools';

/** One JSON POST through the origin's pool, with the call's deadlines and error mapping. */

export interface Endpoint {
  origin: string;
  /** Path including the base's prefix, e.g. `/v1/chat/completions`. */
  path: string;
}

export type ResponseBody = Dispatcher.ResponseData['body'];
export type ResponseHeaders = Dispatcher.ResponseData['headers'];

/** A 2xx answer: its body, and its headers for providers that put data there (Bedrock's token counts). */
export interface PostAnswer {
  body: ResponseBody;
  headers: ResponseHeaders;
}

/**
 * Reads a non-2xx answer (the body capped, empty when it could not be read) into the error to
 * throw. The default is OpenAI's error shape; Google's `google.rpc.Status` and AWS's typed
 * errors pass their own.
 */
export type ErrorFromResponse = (status: number, headers: ResponseHeaders, body: string) => Error;

/** Error bodies are read for their message only; a provider's HTML error page can be large. */
const MAX_ERROR_BODY = 64 * 1024;

/** `post`, answering the body of the 2xx answer only. */
export async function postJson(...args: Parameters<typeof post>): Promise<ResponseBody> {
  return (await post(...args)).body;
}

/**
 * Sends the request and returns the 2xx answer. Any other status, a transport failure or a
 * deadline becomes the error to throw (ProviderError, or the caller's abort reason).
 */
export async function post(
  pools: PoolRegistry,
  endpoint: Endpoint,
  headers: Record<string, string>,
  body: string,
  deadline: CallDeadline,
  ctx: ErrorContext,
  errorFrom: ErrorFromResponse = (status, resHeaders, text) => errorFromResponse(status, resHeaders, text, ctx),
): Promise<PostAnswer> {
  let res: Dispatcher.ResponseData;
  try {
    res = await pools.get(endpoint.origin).request({ method: 'POST', path: endpoint.path, headers, body, signal: deadline.signal });
  } catch (err) {
    throw deadline.failure() ?? errorFromTransport(err, 'request', ctx);
  }
  if (res.statusCode >= 200 && res.statusCode < 300) return { body: res.body, headers: res.headers };
  let text = '';
  try {
    text = await readCapped(res.body, MAX_ERROR_BODY);
  } catch (err) {
    const stopped = deadline.failure();
    if (stopped) throw stopped;
    // The status (and a provider's error-type header) still says what happened.
  }
  throw errorFrom(res.statusCode, res.headers, text);
}

/** Reads the whole body as text, or throws what ended it (a deadline, a cut). */
export async function readBody(body: ResponseBody, deadline: CallDeadline, ctx: ErrorContext): Promise<string> {
  try {
    return await body.text();
  } catch (err) {
    throw deadline.failure() ?? errorFromTransport(err, 'body', ctx);
  }
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
