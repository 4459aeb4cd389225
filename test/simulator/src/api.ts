import type { IncomingMessage } from 'node:http';
import { ANTHROPIC_PATHS, handleAnthropic } from './anthropic';
import { answerFault } from './answer-fault';
import { handleBedrock, isBedrockPath } from './bedrock';
import { handleAzure, isAzurePath } from './azure';
import { answerChat, streamChat } from './chat';
import { planChat, type ChatRequestBody } from './chat-plan';
import { embeddingInputs, renderEmbeddings, type EmbeddingsBody } from './embeddings';
import type { Fault, FaultBook } from './faults';
import { handleGemini, isGooglePath } from './gemini';
import { baseHeaders, errorJson, sendJson, sleep, type Exchange, type RateWindow } from './respond';

/**
 * The simulated OpenAI API: authentication, validation, faults and the routes. Error messages,
 * types, params and codes follow what api.openai.com answers for the same mistakes.
 */

export interface ApiSettings {
  apiKey: string | null;
  /** Known models; null accepts any model name. */
  models: string[] | null;
  embeddingDimensions: number;
}

export interface ApiState {
  settings: ApiSettings;
  faults: FaultBook;
  rate: RateWindow;
  /** Responses held open by `hang` faults, destroyed on reset/close. */
  hanging: Set<Exchange['res']>;
}

type Body = Record<string, unknown>;

const MODEL_CREATED = 1_700_000_000;
const DEFAULT_MODELS = ['gpt-4o-mini', 'gpt-4o', 'text-embedding-3-small'];

export async function handleApi(
  state: ApiState,
  ex: Exchange,
  req: IncomingMessage,
  path: string,
  body: unknown,
  badJson: boolean,
  /** The body bytes as received: Bedrock's SigV4 signature covers them. */
  raw: Buffer = Buffer.alloc(0),
): Promise<void> {
  // Bedrock Runtime (`/model/{id}/…`): SigV4 authentication, AWS headers and error shape.
  if (isBedrockPath(path)) return handleBedrock(state, ex, req, path, raw);
  // Anthropic's Messages API: its own authentication (x-api-key), headers and error shape.
  if (ANTHROPIC_PATHS.has(path)) return handleAnthropic(state, ex, req, path, body, badJson);
  const method = req.method ?? 'GET';
  const route = routeOf(method, path);
  // Gemini (AI Studio and Vertex AI URL shapes) and Azure OpenAI: their own auth and error shapes.
  if (!route && isGooglePath(path)) return handleGemini(state, ex, req, path, body, badJson);
  if (!route && isAzurePath(path)) return handleAzure(state, ex, req, path, body, badJson);
  if (!route) return fail(state, ex, 404, errorJson(`Invalid URL (${method} ${path})`, 'invalid_request_error'));
  const { apiKey } = state.settings;
  if (apiKey !== null && req.headers.authorization !== `Bearer ${apiKey}`) {
    const message = req.headers.authorization
      ? 'Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.'
      : "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).";
    return fail(state, ex, 401, errorJson(message, 'invalid_request_error', null, req.headers.authorization ? 'invalid_api_key' : null));
  }
  if (method === 'POST' && (badJson || !isObject(body))) {
    const message = "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)";
    return fail(state, ex, 400, errorJson(message, 'invalid_request_error'));
  }
  const b = (body ?? {}) as Body;
  const model = route === 'model' ? decodeURIComponent(path.slice('/v1/models/'.length)) : typeof b.model === 'string' ? b.model : undefined;
  const streaming = route === 'chat' && b.stream === true;
  const fault = state.faults.take(model, streaming);
  const latency = state.faults.latencyFor(model);
  if (latency.firstByteMs > 0) await sleep(latency.firstByteMs);
  if (fault && applyFault(state, ex, fault)) return;
  const streamFault = fault?.kind === 'cut' || fault?.kind === 'stream_error' ? fault : null;

  if (route === 'models') {
    const data = (state.settings.models ?? DEFAULT_MODELS).map(modelObject);
    return sendJson(ex, 200, JSON.stringify({ object: 'list', data }), baseHeaders(ex, state.rate.use(0)));
  }
  if (model === undefined) return fail(state, ex, 400, errorJson('you must provide a model parameter', 'invalid_request_error'));
  if (state.settings.models && !state.settings.models.includes(model)) {
    const message = `The model \`${model}\` does not exist or you do not have access to it.`;
    return fail(state, ex, 404, errorJson(message, 'invalid_request_error', null, 'model_not_found'));
  }
  if (route === 'model') return sendJson(ex, 200, JSON.stringify(modelObject(model)), baseHeaders(ex, state.rate.use(0)));
  if (route === 'embeddings') {
    const input = embeddingInputs(b.input);
    if (!input) {
      const message = b.input === undefined ? "Missing required parameter: 'input'." : "Invalid 'input': expected a string, an array of strings or an array of token arrays.";
      return fail(state, ex, 400, errorJson(message, 'invalid_request_error', 'input', b.input === undefined ? 'missing_required_parameter' : null));
    }
    const json = renderEmbeddings(b as unknown as EmbeddingsBody, input.texts, input.tokens, state.settings.embeddingDimensions);
    return sendJson(ex, 200, json, baseHeaders(ex, state.rate.use(input.tokens)));
  }
  const invalid = invalidChat(b);
  if (invalid) return fail(state, ex, 400, invalid);
  const plan = planChat(b as unknown as ChatRequestBody);
  const headers = baseHeaders(ex, state.rate.use(plan.promptTokens + plan.completionTokens));
  if (!streaming) return answerChat(ex, plan, headers);
  const includeUsage = (b.stream_options as { include_usage?: unknown } | null | undefined)?.include_usage === true;
  return streamChat(ex, plan, includeUsage, headers, latency, streamFault);
}

function routeOf(method: string, path: string): 'chat' | 'models' | 'model' | 'embeddings' | null {
  if (method === 'POST' && path === '/v1/chat/completions') return 'chat';
  if (method === 'POST' && path === '/v1/embeddings') return 'embeddings';
  if (method === 'GET' && path === '/v1/models') return 'models';
  if (method === 'GET' && path.startsWith('/v1/models/') && path.length > 11) return 'model';
  return null;
}

function invalidChat(b: Body): string | null {
  if (b.messages === undefined) return errorJson("Missing required parameter: 'messages'.", 'invalid_request_error', 'messages', 'missing_required_parameter');
  if (!Array.isArray(b.messages)) return errorJson("Invalid type for 'messages': expected an array of objects.", 'invalid_request_error', 'messages', 'invalid_type');
  if (b.messages.length === 0) {
    const message = "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.";
    return errorJson(message, 'invalid_request_error', 'messages', 'empty_array');
  }
  for (let i = 0; i < b.messages.length; i++) {
    if (!isObject(b.messages[i]) || typeof (b.messages[i] as Body).role !== 'string') {
      return errorJson(`Missing required parameter: 'messages[${i}].role'.`, 'invalid_request_error', `messages[${i}].role`, 'missing_required_parameter');
    }
  }
  return null;
}

/** Answers a counted fault; false when the fault is a stream fault handled by the stream writer. */
function applyFault(state: ApiState, ex: Exchange, fault: Fault): boolean {
  return answerFault(fault, ex, state.hanging, {
    rate_limit: ({ retryAfterS }) => {
      const headers = baseHeaders(ex, state.rate.exhausted(retryAfterS));
      headers['retry-after'] = String(retryAfterS);
      const message = `Rate limit reached for requests per min (RPM): Limit ${state.rate.limitRequests}. Please try again in ${retryAfterS}s.`;
      sendJson(ex, 429, errorJson(message, 'requests', null, 'rate_limit_exceeded'), headers);
    },
    status: ({ status, message }) =>
      fail(state, ex, status, errorJson(message ?? defaultMessage(status), status >= 500 ? 'server_error' : 'invalid_request_error')),
  });
}

function defaultMessage(status: number): string {
  if (status === 503) return 'The engine is currently overloaded, please try again later.';
  if (status === 502) return 'Bad gateway.';
  if (status >= 500) return 'The server had an error while processing your request. Sorry about that!';
  return `Simulated error ${status}.`;
}

function fail(state: ApiState, ex: Exchange, status: number, body: string): void {
  sendJson(ex, status, body, baseHeaders(ex, state.rate.use(0)));
}

function modelObject(id: string) {
  return { id, object: 'model', created: MODEL_CREATED, owned_by: 'system' };
}

function isObject(v: unknown): v is Body {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
