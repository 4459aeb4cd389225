import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { findNatsServer, NatsServerNotFoundError, startEmbeddedNats } from './nats-server';
import { freePort } from './ports';
import { isAlive } from './processes';

const base = resolve(__dirname, '../../../.data');

describe('startEmbeddedNats', () => {
  let dir: string;
  beforeEach(() => {
    mkdirSync(base, { recursive: true });
    dir = mkdtempSync(join(base, 'it-nats-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('serves JetStream on the given port and stops cleanly', async () => {
    const nats = await startEmbeddedNats(join(dir, 'store'), await freePort());
    const nc = await connect({ servers: nats.url });
    const jsm = await jetstreamManager(nc);
    expect((await jsm.getAccountInfo()).limits).toBeDefined();
    await nc.close();
    await nats.stop();
    expect(isAlive(nats.pid)).toBe(false);
  });

  it('explains what to install when the binary is missing', () => {
    expect(() => findNatsServer({ PATH: '/nonexistent', NATS_SERVER_BIN: '/nope/nats-server' }, [])).toThrow(NatsServerNotFoundError);
    expect(() => findNatsServer({ PATH: '', NATS_SERVER_BIN: '/nope' }, [])).toThrow(/apt-get install nats-server[\s\S]*NATS_URL/);
  });
});
