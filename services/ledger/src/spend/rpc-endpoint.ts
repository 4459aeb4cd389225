import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { prettifyError } from 'zod';
import { GatehouseError, type RpcContract, type RpcRequest, type RpcResponse } from '@gatehouse/contracts';
import { decodeJson, encodeJson, respondError } from '@gatehouse/nats';
import type { Logger } from '@gatehouse/telemetry';
import { errorMessage } from '../database/database';

/** A handler for one contract: a mistyped reply does not compile. */
export type ContractHandler<C extends RpcContract> = (request: RpcRequest<C>) => Promise<RpcResponse<C>>;

/**
 * Serves one contract on the ledger's own NATS connection (the ledger is an application context,
 * not a Nest microservice): queue group = the service, zod-validated request, plain JSON reply, our
 * error headers. A failure that is not ours (Postgres down, a query error) is a 503 to the caller
 * and a log line here, never a stack trace on the wire.
 */
export function serveContract<C extends RpcContract>(nc: NatsConnection, contract: C, handle: ContractHandler<C>, log: Logger): Subscription {
  return nc.subscribe(contract.subject, {
    queue: contract.service,
    callback: (_err, msg) => {
      void (async () => {
        try {
          const parsed = contract.request.safeParse(decodeJson(msg.data));
          if (!parsed.success) throw new GatehouseError('invalid_request', `Invalid ${contract.subject} request: ${prettifyError(parsed.error)}`);
          msg.respond(encodeJson(await handle(parsed.data as RpcRequest<C>)));
        } catch (err) {
          const out = err instanceof GatehouseError ? err : new GatehouseError('service_unavailable', 'The ledger could not answer (its database is unavailable or the query failed).', { retryAfter: 1 }, { cause: err });
          if (!(err instanceof GatehouseError)) log.warn({ subject: contract.subject, err: errorMessage(err) }, 'ledger request failed');
          respondError(msg, out, { error: (line: object) => log.error(line) });
        }
      })();
    },
  });
}
