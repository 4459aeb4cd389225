import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { type EventContract, type EventPayload, RequestCompletedV1, RequestFailedV1, type RequestFacts } from '@gatehouse/contracts';
import { RequestTelemetry } from '../observability/request-telemetry';
import { type CallContext, EventPublisher } from '@gatehouse/nats';
import type { Logger } from '@gatehouse/telemetry';
import { ZodError } from 'zod';
import { INGRESS_LOGGER } from '../logger.token';

interface Pending {
  event: EventContract;
  payload: unknown;
  ctx: CallContext;
  attempts: number;
}

/**
 * Publishes request events after the response went out, off the client's path. A publish that
 * fails (NATS restarting) is retried with backoff; the message id (the request id) makes a retry
 * that did reach the stream a no-op. On shutdown it flushes what is pending.
 */
@Injectable()
export class EventOutbox implements OnApplicationShutdown {
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly publisher: EventPublisher,
    @Inject(INGRESS_LOGGER) private readonly log: Logger,
    private readonly telemetry: RequestTelemetry,
  ) {}

  publish<E extends EventContract>(event: E, payload: EventPayload<E>, ctx: CallContext): void {
    // A request event closes its request: metrics and trace span are finished from its facts.
    if (event.stream === RequestCompletedV1.stream && (event.type === RequestCompletedV1.type || event.type === RequestFailedV1.type)) this.telemetry.finish(payload as RequestFacts);
    this.track(this.send({ event, payload, ctx, attempts: 0 }));
  }

  get pending(): number {
    return this.inFlight.size;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }

  private track(p: Promise<void>): void {
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p));
  }

  private async send(item: Pending): Promise<void> {
    for (;;) {
      try {
        await this.publisher.publish(item.event, item.payload as EventPayload<EventContract>, item.ctx);
        return;
      } catch (err) {
        if (err instanceof ZodError) {
          // Our own bug, not a transient failure: retrying cannot help. Loud, with the request id.
          this.log.error({ request_id: item.ctx.requestId, event: item.event.type, issues: err.issues }, 'event does not match its contract');
          return;
        }
        item.attempts++;
        const level = item.attempts >= 5 ? 'error' : 'warn';
        this.log[level]({ request_id: item.ctx.requestId, event: item.event.type, attempts: item.attempts, err }, 'event publish failed; retrying');
        await new Promise((r) => setTimeout(r, Math.min(100 * 2 ** item.attempts, 10_000)));
      }
    }
  }
}
