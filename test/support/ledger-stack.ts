import { randomBytes } from 'node:crypto';
import { createTestDatabase, type NatsServerHandle, startNatsServer, type TestDatabase } from '@gatehouse/testing';
import { type LedgerOptions, type RunningLedger, startLedger } from '../../services/ledger/src/main';
import { type InProcessGateway, startInProcessGateway } from './in-process-gateway';
import { teardown } from './teardown';

export interface LedgerStack {
  nats: NatsServerHandle;
  db: TestDatabase;
  gw: InProcessGateway;
  ledger: RunningLedger;
  /** Base URL of the one ingress replica. */
  url: string;
  /** Closes everything, the last started first, and drops the database. */
  close(): Promise<void>;
}

/**
 * What a ledger integration test starts once per file: a private nats-server, a fresh database,
 * the in-process gateway (one ingress, one router) and the ledger over both. A fresh content
 * master key goes to GH_TEST_CONTENT_MASTER_KEY first, for configs that name it
 * (`master_key: os.environ/GH_TEST_CONTENT_MASTER_KEY`). A start that fails closes what had
 * started before it rethrows.
 */
export async function startLedgerStack(opts: {
  dbPrefix: string;
  configYaml: string;
  ledger?: Omit<LedgerOptions, 'natsUrl' | 'databaseUrl'>;
}): Promise<LedgerStack> {
  process.env.GH_TEST_CONTENT_MASTER_KEY = randomBytes(32).toString('base64');
  const down = teardown();
  try {
    const nats = await startNatsServer();
    down.add(() => nats.stop());
    const db = await createTestDatabase(opts.dbPrefix);
    down.add(() => db.drop());
    const gw = await startInProcessGateway({ natsUrl: nats.url, configYaml: opts.configYaml, ingressReplicas: 1, routerReplicas: 1 });
    down.add(() => gw.close());
    const ledger = await startLedger({ batchWaitMs: 2, ...opts.ledger, natsUrl: nats.url, databaseUrl: db.url });
    down.add(() => ledger.close());
    return { nats, db, gw, ledger, url: gw.urls[0]!, close: () => down.run() };
  } catch (err) {
    await down.run();
    throw err;
  }
}
