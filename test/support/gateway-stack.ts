import { connect, type NatsConnection } from '@nats-io/transport-node';
import { readStream } from '@gatehouse/nats';
import { type NatsServerHandle, startNatsServer, waitFor } from '@gatehouse/testing';
import { type Simulator, type SimulatorOptions, start as startSimulator } from '@gatehouse/simulator';
import { type InProcessGateway, startInProcessGateway } from './in-process-gateway';
import { teardown } from './teardown';

export interface GatewayStack {
  nats: NatsServerHandle;
  sim: Simulator;
  gw: InProcessGateway;
  /** A plain connection of the test's own, to read events back. */
  nc: NatsConnection;
  /** Closes everything, the last started first. */
  close(): Promise<void>;
}

export type StackGatewayOptions = Omit<Parameters<typeof startInProcessGateway>[0], 'natsUrl'>;

/**
 * What an integration test of the hot path starts once per file: a private nats-server, the
 * provider simulator, the in-process gateway configured against it (`gateway(sim)`), and a NATS
 * connection. A start that fails closes what had started before it rethrows.
 */
export async function startGatewayStack(simulator: SimulatorOptions, gateway: (sim: Simulator) => StackGatewayOptions): Promise<GatewayStack> {
  const started = teardown();
  try {
    const nats = await startNatsServer();
    started.add(() => nats.stop());
    const sim = await startSimulator(simulator);
    started.add(() => sim.close());
    const gw = await startInProcessGateway({ natsUrl: nats.url, ...gateway(sim) });
    started.add(() => gw.close());
    const nc = await connect({ servers: nats.url });
    started.add(() => nc.close());
    return { nats, sim, gw, nc, close: () => started.run() };
  } catch (err) {
    await started.run();
    throw err;
  }
}

/** The `GH_REQUEST` event of one request, waited for: the gateway publishes it after answering. */
export function requestEvent(nc: NatsConnection, requestId: string): Promise<Record<string, unknown>> {
  return waitFor(async () => {
    for await (const e of readStream(nc, 'GH_REQUEST', { from: { first: true } })) {
      const d = e.data as Record<string, unknown>;
      if (d.request_id === requestId) return d;
    }
    return undefined;
  }, `event of ${requestId}`);
}
