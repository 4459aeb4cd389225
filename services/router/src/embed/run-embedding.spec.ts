import type { Deployment } from '@gatehouse/config';
import { GatehouseError } from '@gatehouse/contracts';
import { ProviderError, type EmbeddingsCall, type ProviderAdapter } from '@gatehouse/providers';
import type { Deployments } from '../complete/run-completion';
import type { Routable } from '../deployments/deployment-registry.service';
import { runEmbedding } from './run-embedding';

const dep = (id: string, provider = 'openai') => ({ id, provider, providerModel: `${id}-model`, weight: 1, timeoutMs: 1000 }) as Deployment;
const ok = (model: string) => ({ object: 'list' as const, data: [{ object: 'embedding' as const, index: 0, embedding: [1] }], model, usage: { prompt_tokens: 1, total_tokens: 1 } });

function deployments(group: Deployment[], behave: (d: Deployment, call: EmbeddingsCall) => unknown, numRetries = 2): Deployments & { calls: EmbeddingsCall[] } {
  const calls: EmbeddingsCall[] = [];
  return {
    calls,
    numRetries,
    group: (m) => (m === 'g' ? group : null),
    routable: (d): Routable => ({
      deployment: d, apiKey: null, params: {},
      adapter: {
        providers: [d.provider], chat: jest.fn(), chatStream: jest.fn(),
        ...(d.provider === 'nochat' ? {} : {
          embeddings: async (call: EmbeddingsCall) => {
            calls.push(call);
            const r = behave(d, call);
            if (r instanceof Error) throw r;
            return r;
          },
        }),
      } as unknown as ProviderAdapter,
    }),
  };
}

const opts = { dropParams: false, signal: new AbortController().signal };
const req = { model: 'g', input: 'hi' };

async function failure(p: Promise<unknown>): Promise<GatehouseError> {
  try {
    await p;
  } catch (e) {
    return e as GatehouseError;
  }
  throw new Error('expected a failure');
}

describe('runEmbedding', () => {
  it('answers from a deployment of the group with the route', async () => {
    const ds = deployments([dep('a')], (d) => ok(d.providerModel));
    const out = await runEmbedding('g', req, ds, opts);
    expect(out.response.model).toBe('a-model');
    expect(out.route).toMatchObject({ deployment_id: 'a', provider: 'openai', provider_model: 'a-model', attempts: 1 });
    expect(out.dropped_params).toEqual([]);
  });

  it('retries another deployment after a retryable failure', async () => {
    const ds = deployments([dep('a'), dep('b')], (d) => (ds.calls.length === 1 ? new ProviderError('server', 'boom', 503) : ok(d.providerModel)));
    const out = await runEmbedding('g', req, ds, opts);
    expect(out.route.attempts).toBe(2);
    expect(new Set(ds.calls.map((c) => c.deployment.id)).size).toBe(2);
  });

  it('does not retry a bad request and keeps its status', async () => {
    const ds = deployments([dep('a'), dep('b')], () => new ProviderError('bad_request', 'no such input', 400));
    const e = await failure(runEmbedding('g', req, ds, opts));
    expect(e).toMatchObject({ code: 'invalid_request', status: 400 });
    expect(ds.calls).toHaveLength(1);
  });

  it('gives up after num_retries with the last provider error', async () => {
    const ds = deployments([dep('a')], () => new ProviderError('rate_limited', 'slow down', 429, 0), 1);
    const e = await failure(runEmbedding('g', req, ds, opts));
    expect(e).toMatchObject({ code: 'rate_limit_exceeded', status: 429 });
    expect(ds.calls).toHaveLength(2);
  });

  it.each([
    ['unknown', 'model_not_found'],
    ['g', 'invalid_request'],
  ])('model %s → %s', async (model, code) => {
    const ds = deployments([dep('a', 'nochat')], () => ok('x'));
    expect((await failure(runEmbedding(model, req, ds, opts))).code).toBe(code);
  });
});
