import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { SlidingWindowLog } from './sliding-window';

const MINUTE = 60_000;

/**
 * Per-key request-per-minute windows, in memory. Exact within one quota replica; issue #5
 * replaces this with partitioned ownership so a limit holds across replicas (docs/adr/0005).
 */
@Injectable()
export class RateLimiterService implements OnModuleDestroy {
  private readonly windows = new Map<string, SlidingWindowLog>();
  private readonly sweeper = setInterval(() => this.sweep(), MINUTE);

  admit(key: string, rpm: number, now = Date.now()) {
    let w = this.windows.get(key);
    if (!w || w.limit !== rpm) {
      w = new SlidingWindowLog(rpm, MINUTE);
      this.windows.set(key, w);
    }
    return w.tryAdmit(now);
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }

  private sweep(now = Date.now()): void {
    for (const [k, w] of this.windows) if (w.idle(now)) this.windows.delete(k);
  }
}
