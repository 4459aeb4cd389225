import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';
import type { IngressSettings } from '@gatehouse/config';

export interface DrainOptions {
  /**
   * How long a socket with nothing in flight stays open once draining (or once its last response
   * ended): a keep-alive client about to send on it gets an answer with `connection: close`
   * instead of a reset.
   */
  idleGraceMs: number;
  /** Whatever is still open after this (a very long stream) is closed; below the launcher's 10 s SIGKILL. */
  timeoutMs: number;
}

/** Pure: the drain of `gatehouse.ingress` (its defaults, 2 s and 8 s, live in the config schema). */
export function drainOptions(settings: IngressSettings): DrainOptions {
  return { idleGraceMs: settings.drain_idle_ms, timeoutMs: settings.drain_timeout_ms };
}

export interface HttpDrain {
  readonly draining: boolean;
  /** Stops accepting, answers what still arrives with `connection: close`, resolves once every socket is closed. */
  drain(opts: DrainOptions): Promise<{ idleClosed: number; forced: number }>;
}

interface Tracked {
  inFlight: number;
  /** When the socket last had nothing in flight (its connect, or its last response's end). */
  idleSince: number;
}

const TICK_MS = 50;

/**
 * Tracks the server's sockets and requests so it can drain without dropping a keep-alive client's
 * request. Attach before `listen`. Every response from the start of the drain carries
 * `connection: close` (Node then closes the socket after it), so a client learns to reconnect —
 * to a live replica — before its socket goes; only a socket idle for `idleGraceMs` is closed by us.
 */
export function trackForDrain(server: Server): HttpDrain {
  const sockets = new Map<Socket, Tracked>();
  const unsent = new Set<ServerResponse>();
  let draining = false;

  server.on('connection', (socket: Socket) => {
    sockets.set(socket, { inFlight: 0, idleSince: Date.now() });
    socket.once('close', () => sockets.delete(socket));
  });
  // Before Fastify's own listener, so the header is set before any handler writes.
  server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    const t = sockets.get(req.socket);
    if (t) t.inFlight++;
    if (draining) res.setHeader('connection', 'close');
    else unsent.add(res);
    res.once('close', () => {
      unsent.delete(res);
      if (!t) return;
      t.inFlight--;
      t.idleSince = Date.now();
    });
  });

  return {
    get draining() {
      return draining;
    },
    async drain(opts) {
      if (draining) throw new Error('already draining');
      draining = true;
      const started = Date.now();
      for (const res of unsent) if (!res.headersSent) res.setHeader('connection', 'close');
      unsent.clear();
      // net's close, not http's: since Node 19 http's close also destroys idle keep-alive sockets
      // at once — the race where a client sends on a socket just as it is closed. In a cluster
      // worker this tells the primary to hand new connections to the other workers.
      NetServer.prototype.close.call(server);
      let idleClosed = 0;
      let forced = 0;
      while (sockets.size > 0) {
        const now = Date.now();
        const overdue = now - started >= opts.timeoutMs;
        for (const [socket, t] of sockets) {
          if (socket.destroyed) continue; // its 'close' is on the way
          if (overdue) {
            forced++;
            socket.destroy();
          } else if (t.inFlight === 0 && now - Math.max(t.idleSince, started) >= opts.idleGraceMs) {
            idleClosed++;
            socket.destroy();
          }
        }
        if (sockets.size > 0) await new Promise((r) => setTimeout(r, TICK_MS));
      }
      return { idleClosed, forced };
    },
  };
}
