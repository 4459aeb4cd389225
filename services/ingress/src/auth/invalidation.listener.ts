import { Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { type NatsConnection, nuid, type Subscription } from '@nats-io/transport-node';
import { IngressHelloV1, IngressInvalidateV1 } from '@gatehouse/contracts';
import { decodeJson, encodeJson, InjectNats } from '@gatehouse/nats';
import { Authenticator } from './authenticator.service';

const HELLO_EVERY_MS = 10_000;

/**
 * Every ingress replica (no queue group) listens for identity's invalidations, evicts cached
 * principals and confirms, so identity answers an admin call only once each replica forgot the
 * old decision. It announces itself so identity knows whom to wait for, and drops its whole cache
 * after a reconnect (it may have missed invalidations while away).
 */
@Injectable()
export class InvalidationListener implements OnApplicationBootstrap, OnModuleDestroy {
  readonly instance = `ingress-${process.pid}-${nuid.next().slice(-8)}`;
  private sub: Subscription | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @InjectNats() private readonly nc: NatsConnection,
    private readonly auth: Authenticator,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.sub = this.nc.subscribe(IngressInvalidateV1.subject, {
      callback: (_err, msg) => {
        let inv;
        try {
          inv = IngressInvalidateV1.request.safeParse(decodeJson(msg.data));
        } catch {
          return;
        }
        if (!inv.success) return;
        this.auth.invalidate(inv.data.seq, inv.data.key_ids, inv.data.team_ids, inv.data.all);
        msg.respond(encodeJson({ instance: this.instance }));
      },
    });
    await this.nc.flush();
    const hello = () => {
      if (!this.nc.isClosed() && !this.nc.isDraining()) this.nc.publish(IngressHelloV1.subject, encodeJson({ instance: this.instance }));
    };
    hello();
    this.timer = setInterval(hello, HELLO_EVERY_MS);
    this.timer.unref();
    void this.watchReconnects();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    this.sub?.unsubscribe();
  }

  private async watchReconnects(): Promise<void> {
    for await (const s of this.nc.status()) {
      if (s.type === 'reconnect') this.auth.invalidate(0, [], [], true);
    }
  }
}
