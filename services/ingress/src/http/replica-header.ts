import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/**
 * Names the ingress replica that answered. Every replica under `npm start` serves the same port
 * (cluster workers of the launcher), so this is how a client, an operator or a test tells them
 * apart. The value is the replica's index in the launcher's plan — stable across restarts, and
 * nothing a client could use (no pid, no host).
 */
export const REPLICA_HEADER = 'x-gatehouse-ingress';

/** Pure: the replica index in `GATEHOUSE_INSTANCE` (the launcher sets `ingress#1`), else null. */
export function ingressReplicaOf(instance: string | undefined): string | null {
  const m = /^ingress#(\d+)$/.exec(instance?.trim() ?? '');
  return m ? m[1]! : null;
}

/** Sets the header on every response of `server`, errors and 404s included. Attach before `listen`. */
export function tagResponses(server: Server, replica: string): void {
  // Before Fastify's own listener: Node merges headers set here with those a handler writes later.
  server.prependListener('request', (_req: IncomingMessage, res: ServerResponse) => res.setHeader(REPLICA_HEADER, replica));
}
