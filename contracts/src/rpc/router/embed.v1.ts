import { z } from 'zod';
import { defineRpc, Services } from '../contract';
import { EmbeddingsRequest, EmbeddingsResponse } from '../../openai/embeddings';
import { RouteOutcome } from './complete.v1';

/**
 * `gh.rpc.router.embed.v1` — embeddings on a deployment of the requested group. Plain
 * request-reply (nothing to stream): the reply carries the provider's answer in OpenAI form, which
 * deployment served it, and the parameters dropped under `litellm_settings.drop_params`. Failures
 * come back as GatehouseErrors (`model_not_found`, `invalid_request`, `upstream_*`, …).
 */
export const RouterEmbedV1 = defineRpc({
  service: Services.router,
  op: 'embed',
  version: 1,
  description: 'Embed the input on a deployment of the model group (retrying another deployment on a retryable failure).',
  // Callers pass their own deadline derived from the group's timeouts; this is the fallback.
  timeoutMs: 60_000,
  request: z.object({
    request_id: z.string(),
    /** The model alias (routing group) the client asked for. */
    model: z.string(),
    request: EmbeddingsRequest,
  }),
  response: z.object({
    response: EmbeddingsResponse,
    route: RouteOutcome,
    /** Request parameters the deployment could not honour and that were dropped (drop_params). */
    dropped_params: z.array(z.string()),
  }),
  example: {
    request: { request_id: 'req_1', model: 'text-embedding-3-small', request: { model: 'text-embedding-3-small', input: 'hello' } },
    response: {
      response: {
        object: 'list',
        data: [{ object: 'embedding', index: 0, embedding: [0.6, 0.8] }],
        model: 'text-embedding-3-small',
        usage: { prompt_tokens: 1, total_tokens: 1 },
      },
      route: { deployment_id: 'text-embedding-3-small#0', provider: 'openai', provider_model: 'text-embedding-3-small', attempts: 1, ttft_ms: 35 },
      dropped_params: [],
    },
  },
});
