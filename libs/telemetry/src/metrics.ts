import { createServer, type Server } from 'node:http';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Prometheus metrics of this process (one registry per process, as one process is one service
 * replica). Names follow the OpenTelemetry GenAI conventions where one exists
 * (`gen_ai_client_token_usage`, `gen_ai_server_time_to_first_token_seconds`, …) and
 * `gatehouse_*` otherwise. Label values are bounded (models, deployments, teams, subjects).
 */
export const metricsRegistry = new Registry();
let defaultsOn = false;

export function enableProcessMetrics(service: string): void {
  if (defaultsOn) return;
  defaultsOn = true;
  metricsRegistry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: metricsRegistry, prefix: 'gatehouse_' }); // gatehouse_process_cpu_seconds_total, …
}

const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

function histogram(name: string, help: string, labelNames: string[], buckets = LATENCY_BUCKETS) {
  return new Histogram({ name, help, labelNames, buckets, registers: [metricsRegistry] });
}
function counter(name: string, help: string, labelNames: string[]) {
  return new Counter({ name, help, labelNames, registers: [metricsRegistry] });
}

export const Metrics = {
  rpcClientDuration: histogram('gatehouse_nats_rpc_client_duration_seconds', 'NATS request-reply round trip per subject, as the caller sees it', ['subject', 'outcome']),
  rpcServerDuration: histogram('gatehouse_nats_rpc_server_duration_seconds', 'Time a service spent on one NATS request', ['subject', 'outcome']),
  requests: counter('gatehouse_requests_total', 'Client requests by endpoint, model, provider, deployment and status', ['endpoint', 'model', 'provider', 'deployment', 'status']),
  requestDuration: histogram('gatehouse_request_duration_seconds', 'Client request latency at ingress', ['endpoint', 'model', 'status_class']),
  ttft: histogram('gen_ai_server_time_to_first_token_seconds', 'Time to the first streamed token, per deployment', ['gen_ai_request_model', 'gen_ai_system', 'deployment']),
  operationDuration: histogram('gen_ai_client_operation_duration_seconds', 'Provider call duration per deployment', ['gen_ai_request_model', 'gen_ai_system', 'deployment', 'outcome']),
  tokenUsage: counter('gen_ai_client_token_usage', 'Tokens by team, model and type (input/output)', ['team', 'gen_ai_request_model', 'gen_ai_token_type']),
  costUsd: counter('gatehouse_cost_usd_total', 'Spend in USD by team and model', ['team', 'model']),
  routerAttempts: counter('gatehouse_router_attempts_total', 'Provider call attempts by deployment and outcome', ['deployment', 'outcome']),
  routerRetries: counter('gatehouse_router_retries_total', 'Requests that needed more than one attempt (retry or fallback)', ['model']),
  routerFallbacks: counter('gatehouse_router_fallbacks_total', 'Requests moved to a fallback group, by reason (failed, context_window, content_policy, boundary)', ['from', 'to', 'reason']),
  routerCooldowns: counter('gatehouse_router_cooldowns_total', 'Deployments cooled down (applied on this replica), by failure kind', ['deployment', 'reason']),
  cacheLookups: counter('gatehouse_cache_lookups_total', 'Cache look-ups by status (hit, miss, semantic-hit, bypass)', ['status']),
  guardVerdicts: counter('gatehouse_guard_verdicts_total', 'Guard verdicts by action and detector', ['action', 'detector']),
  budgetUsed: new Gauge({
    name: 'gatehouse_budget_used_ratio',
    help: 'Spend of the current budget period as a fraction of max_budget, per scope with a budget (burn-down)',
    labelNames: ['scope'],
    registers: [metricsRegistry],
  }),
  consumerPending: new Gauge({
    name: 'gatehouse_jetstream_consumer_pending',
    help: 'Messages of a stream a projection has not read yet (its consumer lag)',
    labelNames: ['stream', 'consumer'],
    registers: [metricsRegistry],
  }),
} as const;

/** `/metrics` (Prometheus text), `/health/live`, `/health/ready` on `port` for a service without HTTP of its own. */
export function startMetricsServer(port: number, ready: () => boolean, host = process.env.METRICS_HOST ?? '127.0.0.1'): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.url === '/metrics') {
      metricsRegistry.metrics().then(
        (text) => res.writeHead(200, { 'content-type': metricsRegistry.contentType }).end(text),
        () => res.writeHead(500).end(),
      );
    } else if (req.url === '/health/live') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"alive"}');
    } else if (req.url === '/health/ready') {
      const ok = ready();
      res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify({ status: ok ? 'ready' : 'not ready' }));
    } else {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
