import type { Deployment } from '@gatehouse/config';
import type { ChatCompletionChunk } from '@gatehouse/contracts';
import { start, type Simulator, type SimulatorOptions } from '@gatehouse/simulator';
import { PoolRegistry } from '../http';
import type { ProviderCall } from '../types';

/**
 * The set-up every `<provider>/adapter.spec.ts` shares: one simulator and one pool registry per
 * file, started before its tests, closed after, the simulator reset before each test.
 */
export function useSimulator(options: SimulatorOptions = {}): { sim: Simulator; pools: PoolRegistry } {
  const pools = new PoolRegistry();
  let started: Simulator | undefined;
  const running = (): Simulator => {
    if (!started) throw new Error('the simulator starts in beforeAll: use it inside a test or hook');
    return started;
  };
  beforeAll(async () => {
    started = await start(options);
  });
  afterAll(async () => {
    await pools.close();
    await started?.close();
  });
  beforeEach(() => running().reset());
  // Spec files take `sim` at load time, before beforeAll has started it: hand them a stand-in.
  const sim: Simulator = {
    get url() { return running().url; },
    get origin() { return running().origin; },
    get port() { return running().port; },
    get faults() { return running().faults; },
    get requests() { return running().requests; },
    requestCount: (path) => running().requestCount(path),
    refuseConnections: () => running().refuseConnections(),
    acceptConnections: () => running().acceptConnections(),
    reset: () => running().reset(),
    close: () => running().close(),
  };
  return { sim, pools };
}

type DeploymentFields = Pick<Deployment, 'id' | 'group' | 'provider' | 'providerModel' | 'apiBase'> & Partial<Deployment>;

/** A deployment with the config defaults (5 s timeout, no limits, no costs) and the given fields. */
export function simDeployment(fields: DeploymentFields): Deployment {
  return {
    apiKey: null, apiVersion: null,
    rpm: null, tpm: null, timeoutMs: 5000, streamTimeoutMs: null, weight: 1, order: null, maxRetries: null,
    inputCostPerToken: null, outputCostPerToken: null, tags: [], extra: {}, modelInfo: {},
    ...fields,
  };
}

/** A call with a fresh signal, a 2 s first-byte and 5 s whole-call deadline, then `overrides`. */
export function providerCall(
  base: Pick<ProviderCall, 'deployment' | 'apiKey' | 'params' | 'request'>,
  overrides: Partial<ProviderCall> = {},
): ProviderCall {
  return { ...base, signal: new AbortController().signal, firstByteTimeoutMs: 2000, timeoutMs: 5000, ...overrides };
}

/** Drains a stream: the chunks delivered and the error it ended with (null when it completed). */
export async function collect(stream: AsyncIterable<ChatCompletionChunk>) {
  const chunks: ChatCompletionChunk[] = [];
  try {
    for await (const c of stream) chunks.push(c);
    return { chunks, error: null as unknown };
  } catch (error) {
    return { chunks, error };
  }
}

/** The streamed text of the first choice. */
export const text = (chunks: ChatCompletionChunk[]) => chunks.map((c) => c.choices[0]?.delta.content ?? '').join('');
