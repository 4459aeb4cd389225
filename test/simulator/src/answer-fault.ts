import type { Fault } from './faults';
import type { Exchange } from './respond';

/** How one provider words the counted faults that replace its answer: its 429, its error statuses. */
export interface FaultRenderers {
  rate_limit(fault: Extract<Fault, { kind: 'rate_limit' }>): void;
  status(fault: Extract<Fault, { kind: 'status' }>): void;
}

/**
 * Answers a counted fault the same way on every provider's routes, with that provider's
 * renderers: `hang` holds the response open (in `hanging`, destroyed on reset/close); false for
 * `cut` and `stream_error`, which the stream writer applies.
 */
export function answerFault(fault: Fault, ex: Exchange, hanging: Set<Exchange['res']>, render: FaultRenderers): boolean {
  switch (fault.kind) {
    case 'rate_limit':
      render.rate_limit(fault);
      return true;
    case 'status':
      render.status(fault);
      return true;
    case 'hang':
      hanging.add(ex.res);
      ex.res.once('close', () => hanging.delete(ex.res));
      return true;
    case 'cut':
    case 'stream_error':
      return false;
    default: {
      const never: never = fault;
      throw new Error(`unhandled fault ${JSON.stringify(never)}`);
    }
  }
}
