import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { GatehouseError, QuotaAdmitV1, type RpcRequest, type RpcResponse } from '@gatehouse/contracts';
import { type Handles, RpcHandler } from '@gatehouse/nats';
import { RateLimiterService } from './rate-limiter.service';

@Controller()
export class AdmitHandler implements Handles<typeof QuotaAdmitV1> {
  constructor(private readonly limiter: RateLimiterService) {}

  @RpcHandler(QuotaAdmitV1)
  async handle(@Payload() req: RpcRequest<typeof QuotaAdmitV1>): Promise<RpcResponse<typeof QuotaAdmitV1>> {
    if (req.rpm_limit === null) {
      return { admitted: true, rate_limit: { limit_requests: null, remaining_requests: null, reset_requests_s: null } };
    }
    const d = this.limiter.admit(`key:${req.key_id}`, req.rpm_limit);
    const resetS = Math.max(0, Math.ceil(d.resetMs / 1000));
    const headers = {
      'x-ratelimit-limit-requests': String(req.rpm_limit),
      'x-ratelimit-remaining-requests': String(d.remaining),
      'x-ratelimit-reset-requests': `${resetS}s`,
    };
    if (!d.admitted) {
      throw new GatehouseError(
        'rate_limit_exceeded',
        `Rate limit reached for key: ${req.rpm_limit} requests per minute. Retry in ${resetS} s.`,
        { retryAfter: resetS, headers },
      );
    }
    return { admitted: true, rate_limit: { limit_requests: req.rpm_limit, remaining_requests: d.remaining, reset_requests_s: resetS } };
  }
}
