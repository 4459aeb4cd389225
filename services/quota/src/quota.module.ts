import { Module } from '@nestjs/common';
import { AdmitHandler } from './admit/admit.handler';
import { RateLimiterService } from './admit/rate-limiter.service';

@Module({ controllers: [AdmitHandler], providers: [RateLimiterService] })
export class QuotaModule {}
