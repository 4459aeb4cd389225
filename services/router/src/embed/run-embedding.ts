import { type EmbeddingsRequest, GatehouseError, type RouteOutcome, type RpcResponse, type RouterEmbedV1 } from '@gatehouse/contracts';
import { dropUnsupportedParams, type EmbeddingsCall, type ProviderError, UNSUPPORTED_EMBEDDING_PARAMS } from '@gatehouse/providers';
import type { Deployments } from '../complete/run-completion';
import { asProviderError, providerErrorToWire } from '../complete/provider-errors';
import { pickDeployment } from '../deployments/pick-deployment';

type EmbedReply = RpcResponse<typeof RouterEmbedV1>;

export interface EmbedOptions {
  /** `litellm_settings.drop_params`. */
  dropParams: boolean;
  signal: AbortSignal;
}

/**
 * Embeds on a deployment of the group: a retryable provider failure tries another deployment
 * (then the same ones again, up to `num_retries` more attempts); anything else ends the request.
 * Parameters a deployment cannot honour are dropped or refused (drop_params) before its adapter
 * is called. Failures are GatehouseErrors.
 */
export async function runEmbedding(model: string, request: EmbeddingsRequest, deployments: Deployments, opts: EmbedOptions): Promise<EmbedReply> {
  const group = deployments.group(model);
  if (!group) throw new GatehouseError('model_not_found', `The model "${model}" does not exist.`, { param: 'model' });
  const route: RouteOutcome = { deployment_id: null, provider: null, provider_model: null, attempts: 0, ttft_ms: null };
  const started = performance.now();
  const tried = new Set<string>();
  let last: ProviderError | null = null;
  while (route.attempts <= deployments.numRetries && !opts.signal.aborted) {
    let d = pickDeployment(group, tried);
    if (!d) {
      // Every deployment failed once: start over, after a pause the provider may have asked for.
      tried.clear();
      await new Promise((r) => setTimeout(r, last?.retryAfterS ? Math.min(last.retryAfterS * 1000, 5_000) : Math.min(100 * 2 ** route.attempts, 2_000)));
      d = pickDeployment(group, tried);
      if (!d) break;
    }
    tried.add(d.id);
    Object.assign(route, { deployment_id: d.id, provider: d.provider, provider_model: d.providerModel, attempts: route.attempts + 1 });
    const target = deployments.routable(d);
    if (!target.adapter.embeddings) {
      throw new GatehouseError('invalid_request', `The model "${model}" does not support embeddings (provider ${d.provider}).`, { param: 'model' });
    }
    const { request: sent, dropped } = dropUnsupportedParams(request, UNSUPPORTED_EMBEDDING_PARAMS[d.provider] ?? [], opts.dropParams, `Provider ${d.provider}`);
    const call: EmbeddingsCall = { deployment: d, apiKey: target.apiKey, params: target.params, request: sent, signal: opts.signal, timeoutMs: d.timeoutMs };
    try {
      const response = await target.adapter.embeddings(call);
      route.ttft_ms = performance.now() - started;
      return { response, route, dropped_params: dropped };
    } catch (err) {
      const failure = asProviderError(err, opts.signal.aborted);
      if (!failure.retryable || opts.signal.aborted) throw toGatehouse(failure, route);
      last = failure;
    }
  }
  if (last) throw toGatehouse(last, route);
  throw new GatehouseError('service_unavailable', `No deployment of "${model}" is available.`);
}

function toGatehouse(err: ProviderError, route: RouteOutcome): GatehouseError {
  const wire = providerErrorToWire(err, route.deployment_id);
  return new GatehouseError(wire.code, wire.message, wire.details);
}
