import 'reflect-metadata';
import cluster from 'node:cluster';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { type GatewayConfig, loadConfig } from '@gatehouse/config';
import { connectNats, ensureStreams, FrameStreams, serveLogLevel, trackConnected } from '@gatehouse/nats';
import { createLogger, enableProcessMetrics, startMetricsServer, startTracing } from '@gatehouse/telemetry';
import { drainOptions, trackForDrain } from './http/drain';
import { OpenAIErrorFilter } from './http/openai-error.filter';
import { ingressReplicaOf, tagResponses } from './http/replica-header';
import { IngressModule } from './ingress.module';

export interface IngressOptions {
  natsUrl?: string;
  config?: GatewayConfig;
  port?: number;
  host?: string;
  /** `ingress#<n>` (the launcher's GATEHOUSE_INSTANCE): responses then carry `x-gatehouse-ingress: <n>`. */
  instance?: string;
}

/** ingress: the HTTP door (OpenAI-compatible). Orchestrates every other service over NATS. */
export async function startIngress(opts: IngressOptions = {}) {
  const config = opts.config ?? loadConfig();
  const log = createLogger('ingress');
  const tracing = startTracing('ingress');
  enableProcessMetrics('ingress');
  const nc = await connectNats({ url: opts.natsUrl, name: `ingress-${process.pid}` });
  await ensureStreams(nc);
  const levelSubs = serveLogLevel(nc, 'ingress');
  const adapter = new FastifyAdapter({ bodyLimit: config.gatehouse.max_request_body_bytes, logger: false });
  const http = trackForDrain(adapter.getInstance().server);
  const replica = ingressReplicaOf(opts.instance ?? process.env.GATEHOUSE_INSTANCE);
  if (replica !== null) tagResponses(adapter.getInstance().server, replica);
  // Every route Fastify registers, so a test can prove each one authenticates (issue #4).
  const routes: { method: string; url: string }[] = [];
  adapter.getInstance().addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) routes.push({ method, url: r.url });
  });
  const app = await NestFactory.create<NestFastifyApplication>(IngressModule.register(config, nc, log), adapter, {
    logger: ['error', 'warn'],
  });
  // Also catches what Fastify raises before a route runs (body parsing, size, media type): Nest
  // routes those through its filters as HttpExceptions.
  app.useGlobalFilters(new OpenAIErrorFilter(log));
  const port = opts.port ?? Number(process.env.PORT ?? 4000);
  const host = opts.host ?? process.env.HOST ?? '127.0.0.1';
  await app.listen(port, host);
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://${host}:${address.port}`;
  log.info({ url, config: config.source, warnings: config.warnings }, 'ingress listening');
  const connected = trackConnected(nc);
  const ready = () => !http.draining && connected();
  const metrics = process.env.METRICS_PORT ? await startMetricsServer(Number(process.env.METRICS_PORT), ready) : null;
  return {
    app,
    url,
    routes,
    nc,
    /**
     * SIGTERM's first step: readiness false, no new connections, requests still arriving on open
     * sockets answered with `connection: close`, in-flight requests and streams finished, idle
     * sockets closed after a grace period. `close()` afterwards finds no socket left.
     */
    async drain() {
      const { idleClosed, forced } = await http.drain(drainOptions(config.gatehouse.ingress));
      log.info({ idle_closed: idleClosed, forced }, 'ingress drained');
    },
    async close() {
      for (const s of levelSubs) s.unsubscribe();
      metrics?.close();
      await app.close(); // stops accepting, finishes in-flight requests, flushes the event outbox
      await app.get(FrameStreams).close();
      await nc.drain();
      await tracing.shutdown();
    },
  };
}

/**
 * runAsProcess (libs/nats) plus the HTTP drain before close. Under the launcher ingress is a
 * `node:cluster` worker, in the terminal's process group: it ignores SIGINT, since the launcher got
 * the same Ctrl-C and sends SIGTERM in order (a second signal would cut the drain short).
 */
function runIngressProcess(): void {
  const line = (level: string, msg: string) =>
    process.stdout.write(`${JSON.stringify({ level, time: new Date().toISOString(), service: 'ingress', pid: process.pid, msg })}\n`);
  startIngress().then(
    (svc) => {
      line('info', 'ingress ready');
      let stopping = false;
      const stop = (signal: string) => {
        if (stopping) process.exit(1);
        stopping = true;
        line('info', `ingress stopping (${signal})`);
        svc
          .drain()
          .then(() => svc.close())
          .then(
            () => process.exit(0),
            () => process.exit(1),
          );
      };
      process.on('SIGTERM', () => stop('SIGTERM'));
      process.on('SIGINT', () => {
        if (!cluster.isWorker) stop('SIGINT');
      });
    },
    (err: Error) => {
      line('error', `ingress failed to start: ${err.message}`);
      process.exit(1);
    },
  );
}

if (require.main === module) runIngressProcess();
