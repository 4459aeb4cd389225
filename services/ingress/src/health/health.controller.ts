import { Controller, Get, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { NatsConnection } from '@nats-io/transport-node';
import { InjectNats, pingAll } from '@gatehouse/nats';
import { summarizeHealth } from './service-health';

/**
 * Health without a key (LiteLLM's paths): `GET /health` reports every service's replicas (from
 * their pings) and each provider deployment's recent outcomes; 503 when a hot-path service has no
 * ready replica. `/health/readiness` is this replica's own readiness (NATS connected);
 * `/health/liveliness` only says the process answers. Prometheus metrics are on METRICS_PORT,
 * apart from the API port, like every other service's.
 */
@Controller()
export class HealthController {
  constructor(@InjectNats() private readonly nc: NatsConnection) {}

  @Get('health')
  async health(@Res() reply: FastifyReply): Promise<void> {
    const h = summarizeHealth(await pingAll(this.nc));
    await reply.code(h.status === 'unhealthy' ? 503 : 200).send(h);
  }

  @Get('health/readiness')
  async ready(@Res() reply: FastifyReply): Promise<void> {
    const up = !this.nc.isClosed() && !this.nc.isDraining();
    await reply.code(up ? 200 : 503).send({ status: up ? 'ready' : 'not ready', nats: up ? 'connected' : 'disconnected' });
  }

  @Get('health/liveliness')
  alive(): { status: string } {
    return { status: 'alive' };
  }
}
