import { Controller, Get, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { NatsConnection } from '@nats-io/transport-node';
import { InjectNats } from '@gatehouse/nats';

/**
 * `GET /health` (and `/health/liveliness`, `/health/readiness` as LiteLLM names them): no key
 * needed. Ready while the NATS connection is up. Issue #10 adds per-service and per-deployment
 * health.
 */
@Controller()
export class HealthController {
  constructor(@InjectNats() private readonly nc: NatsConnection) {}

  @Get(['health', 'health/readiness'])
  async ready(@Res() reply: FastifyReply): Promise<void> {
    const up = !this.nc.isClosed() && !this.nc.isDraining();
    await reply.code(up ? 200 : 503).send({ status: up ? 'healthy' : 'unhealthy', nats: up ? 'connected' : 'disconnected' });
  }

  @Get('health/liveliness')
  alive(): { status: string } {
    return { status: 'alive' };
  }
}
