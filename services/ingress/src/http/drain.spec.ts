import { createServer, type Server, type ServerResponse } from 'node:http';
import { connect, type Socket } from 'node:net';
import { parseConfig } from '@gatehouse/config';
import { drainOptions, type HttpDrain, trackForDrain } from './drain';

/** A keep-alive HTTP/1.1 connection written by hand, so a test knows which socket each request uses. */
function rawConnection(port: number) {
  const socket: Socket = connect(port, '127.0.0.1');
  let buffered = '';
  let waiter: (() => void) | null = null;
  socket.setEncoding('utf8');
  socket.on('data', (d: string) => {
    buffered += d;
    waiter?.();
  });
  const closed = new Promise<void>((r) => socket.once('close', () => r()));
  socket.on('error', () => undefined);
  return {
    closed,
    isOpen: () => !socket.destroyed && socket.readyState === 'open',
    connected: new Promise<void>((r) => socket.once('connect', () => r())),
    /** One request; resolves with the whole response (head and body). */
    async get(path: string): Promise<string> {
      socket.write(`GET ${path} HTTP/1.1\r\nHost: test\r\n\r\n`);
      for (;;) {
        const end = buffered.indexOf('\r\n\r\n');
        const length = /content-length: (\d+)/i.exec(buffered);
        if (end >= 0 && length && buffered.length >= end + 4 + Number(length[1])) {
          const response = buffered.slice(0, end + 4 + Number(length[1]));
          buffered = buffered.slice(response.length);
          return response;
        }
        await new Promise<void>((r) => (waiter = r));
      }
    },
  };
}

let server: Server;
let drain: HttpDrain;
let port: number;
/** Requests to /slow wait here until the test lets them finish. */
let held: ServerResponse[] = [];

beforeEach(async () => {
  held = [];
  server = createServer((req, res) => {
    if (req.url === '/slow') held.push(res);
    else res.end(`ok ${req.url}`);
  });
  drain = trackForDrain(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as { port: number }).port;
});

afterEach(() => {
  server.closeAllConnections();
  server.close();
});

const refused = (p: number) =>
  new Promise<boolean>((resolve) => {
    const s = connect(p, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(false);
    });
    s.once('error', () => resolve(true));
  });

describe('trackForDrain', () => {
  it('answers a request that arrives on an open keep-alive socket during the drain, with connection: close', async () => {
    const c = rawConnection(port);
    expect(await c.get('/before')).toMatch(/^HTTP\/1\.1 200[\s\S]*keep-alive[\s\S]*ok \/before$/i);
    const done = drain.drain({ idleGraceMs: 60_000, timeoutMs: 60_000 });
    expect(drain.draining).toBe(true);
    expect(await refused(port)).toBe(true); // no new connections
    const during = await c.get('/during');
    expect(during).toMatch(/^HTTP\/1\.1 200/);
    expect(during).toMatch(/connection: close/i);
    expect(during).toContain('ok /during');
    await c.closed; // the server closed it after that response, well before the grace
    expect(await done).toEqual({ idleClosed: 0, forced: 0 });
  });

  it('finishes a request in flight before closing its socket, and tells its client to reconnect', async () => {
    const c = rawConnection(port);
    const slow = c.get('/slow');
    await new Promise<void>((r) => {
      const t = setInterval(() => held.length && (clearInterval(t), r()), 5);
    });
    let drained = false;
    const done = drain.drain({ idleGraceMs: 10, timeoutMs: 60_000 }).then((r) => ((drained = true), r));
    await new Promise((r) => setTimeout(r, 100)); // many ticks past the idle grace
    expect(drained).toBe(false);
    expect(c.isOpen()).toBe(true);
    held[0]!.end('slow done');
    const response = await slow;
    expect(response).toContain('slow done');
    expect(response).toMatch(/connection: close/i);
    expect(await done).toEqual({ idleClosed: 0, forced: 0 });
  });

  it('closes a socket with nothing in flight once the grace period is over', async () => {
    const c = rawConnection(port);
    await c.connected;
    await c.get('/once');
    expect(await drain.drain({ idleGraceMs: 50, timeoutMs: 60_000 })).toEqual({ idleClosed: 1, forced: 0 });
    await c.closed;
  });

  it('cuts what is still running at the timeout', async () => {
    const c = rawConnection(port);
    void c.get('/slow').catch(() => undefined);
    await new Promise<void>((r) => {
      const t = setInterval(() => held.length && (clearInterval(t), r()), 5);
    });
    expect(await drain.drain({ idleGraceMs: 10, timeoutMs: 100 })).toEqual({ idleClosed: 0, forced: 1 });
    await c.closed;
  });
});

describe('drainOptions', () => {
  it('reads gatehouse.ingress, its defaults being the 2 s grace and 8 s timeout', () => {
    expect(drainOptions(parseConfig('model_list: []\n', 't').gatehouse.ingress)).toEqual({ idleGraceMs: 2_000, timeoutMs: 8_000 });
    const tuned = parseConfig('gatehouse: { ingress: { drain_idle_ms: 250, drain_timeout_ms: 20000 } }\n', 't');
    expect(drainOptions(tuned.gatehouse.ingress)).toEqual({ idleGraceMs: 250, timeoutMs: 20_000 });
  });
});
