import { context, type Context, propagation, ROOT_CONTEXT, type Span, type SpanKind, trace } from '@opentelemetry/api';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

/**
 * OpenTelemetry tracing, off unless configured. When off, `tracingEnabled()` is false and callers
 * skip span work altogether: tracing off costs a boolean check on the hot path. When on
 * (OTEL_EXPORTER_OTLP_ENDPOINT or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT set, e.g. Jaeger, Langfuse,
 * Datadog's OTLP intake; or an exporter passed in by a test), spans are exported over OTLP/HTTP
 * and the W3C `traceparent` carried in NATS headers links every hop of a request into one trace.
 */
let provider: NodeTracerProvider | null = null;

export function tracingEnabled(): boolean {
  return provider !== null;
}

export function startTracing(service: string, opts: { exporter?: SpanExporter; env?: NodeJS.ProcessEnv } = {}): { shutdown(): Promise<void> } {
  const env = opts.env ?? process.env;
  const endpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || env.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (provider || (!opts.exporter && !endpoint)) return { shutdown: async () => undefined };
  // Loaded only when tracing is on: the SDK and exporter cost start-up time and memory otherwise.
  const { resourceFromAttributes } = require('@opentelemetry/resources') as typeof import('@opentelemetry/resources');
  const base = require('@opentelemetry/sdk-trace-base') as typeof import('@opentelemetry/sdk-trace-base');
  const { NodeTracerProvider } = require('@opentelemetry/sdk-trace-node') as typeof import('@opentelemetry/sdk-trace-node');
  const processor = opts.exporter
    ? new base.SimpleSpanProcessor(opts.exporter)
    : new base.BatchSpanProcessor(new (require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http')).OTLPTraceExporter());
  provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': env.OTEL_SERVICE_NAME || `gatehouse-${service}`, 'service.namespace': 'gatehouse' }),
    spanProcessors: [processor],
  });
  provider.register(); // global tracer, W3C propagator, async-local context
  const p = provider;
  return {
    async shutdown() {
      await p.shutdown();
      if (provider === p) provider = null;
    },
  };
}

const tracer = () => trace.getTracer('gatehouse');

/** The context a `traceparent` header describes (or none). */
export function contextFrom(traceparent: string | null | undefined): Context {
  return traceparent ? propagation.extract(ROOT_CONTEXT, { traceparent }) : ROOT_CONTEXT;
}

/** The `traceparent` header for a span: what the next hop receives. */
export function traceparentOf(span: Span): string | null {
  const carrier: Record<string, string> = {};
  propagation.inject(trace.setSpan(context.active(), span), carrier);
  return carrier.traceparent ?? null;
}

/**
 * Starts a span as a child of the hop's `traceparent`; returns it with the traceparent the next
 * hop should carry. Only call when `tracingEnabled()`.
 */
export function startSpan(
  name: string,
  kind: SpanKind,
  parentTraceparent: string | null | undefined,
  attributes: Record<string, string | number | boolean | undefined> = {},
): { span: Span; traceparent: string | null } {
  const span = tracer().startSpan(name, { kind, attributes }, contextFrom(parentTraceparent));
  return { span, traceparent: traceparentOf(span) };
}
