import { parseResponsesRequest } from '../responses/responses-request';
import { toResponse } from '../responses/responses-render';
import { ResponsesStreamEncoder } from '../responses/responses-stream';
import type { ClientProtocol } from './client-protocol';

/**
 * OpenAI's Responses API (text and function tools; nothing is stored): chat inside, `response`
 * objects and the Responses event stream outside. See `responses/` for the translations.
 */
export const OpenAIResponsesProtocol: ClientProtocol = {
  endpoint: '/v1/responses',
  parse: parseResponsesRequest,
  renderCompletion: (completion, request) => toResponse(completion, request),
  renderError: (err) => err.toOpenAI(),
  streamEncoder: (request) => new ResponsesStreamEncoder(request),
};
