import { Injectable } from '@nestjs/common';
import { type Span, SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { RequestFacts } from '@gatehouse/contracts';
import { childTrace, formatTraceparent, Metrics, parseTraceparent, startSpan, tracingEnabled } from '@gatehouse/telemetry';

const MAX_OPEN_SPANS = 10_000;

/**
 * A client request's trace and metrics. `start` continues the client's `traceparent` (a server
 * span when tracing is on; ids only otherwise, so logs and events still carry a trace id).
 * `finish` runs where the request's event is published (EventOutbox), from the event's facts:
 * one place, whatever endpoint or path (provider, cache, error) produced the answer.
 */
@Injectable()
export class RequestTelemetry {
  private readonly spans = new Map<string, Span>();

  start(requestId: string, endpoint: string, incoming: string | string[] | undefined): { traceparent: string; traceId: string } {
    const parent = Array.isArray(incoming) ? incoming[0] : incoming;
    if (tracingEnabled()) {
      const { span, traceparent } = startSpan(`POST ${endpoint}`, SpanKind.SERVER, parent, { 'http.request.method': 'POST', 'url.path': endpoint, 'gatehouse.request_id': requestId });
      if (traceparent) {
        this.keep(requestId, span);
        return { traceparent, traceId: span.spanContext().traceId };
      }
      span.end();
    }
    const ids = childTrace(parseTraceparent(parent));
    return { traceparent: formatTraceparent(ids), traceId: ids.traceId };
  }

  finish(f: RequestFacts): void {
    const model = f.model ?? 'unknown';
    const team = f.team_id ?? 'none';
    Metrics.requests.inc({ endpoint: f.endpoint, model, provider: f.route.provider ?? 'none', deployment: f.route.deployment_id ?? 'none', status: String(f.http_status) });
    Metrics.requestDuration.observe({ endpoint: f.endpoint, model, status_class: `${Math.floor(f.http_status / 100)}xx` }, f.latency_ms / 1000);
    if (f.usage.total_tokens > 0) {
      Metrics.tokenUsage.inc({ team, gen_ai_request_model: model, gen_ai_token_type: 'input' }, f.usage.prompt_tokens);
      Metrics.tokenUsage.inc({ team, gen_ai_request_model: model, gen_ai_token_type: 'output' }, f.usage.completion_tokens);
    }
    if (f.cost.usd > 0) Metrics.costUsd.inc({ team, model }, f.cost.usd);
    Metrics.cacheLookups.inc({ status: f.cache.status });
    if (f.guard) {
      for (const x of f.guard.findings.length ? f.guard.findings : [{ detector: 'none', action: f.guard.action }]) Metrics.guardVerdicts.inc({ action: x.action, detector: x.detector });
    }
    const span = this.spans.get(f.request_id);
    if (!span) return;
    this.spans.delete(f.request_id);
    span.setAttributes({
      'http.response.status_code': f.http_status,
      'gen_ai.request.model': model,
      'gen_ai.system': f.route.provider ?? undefined,
      'gen_ai.usage.input_tokens': f.usage.prompt_tokens,
      'gen_ai.usage.output_tokens': f.usage.completion_tokens,
      'gatehouse.key_id': f.key_id ?? undefined,
      'gatehouse.team_id': f.team_id ?? undefined,
      'gatehouse.deployment': f.route.deployment_id ?? undefined,
      'gatehouse.cache': f.cache.status,
      'gatehouse.guard': f.guard?.action,
    });
    if (f.http_status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  }

  private keep(requestId: string, span: Span): void {
    if (this.spans.size >= MAX_OPEN_SPANS) {
      // A request that never published its event (a bug): end its span rather than leak it.
      const [oldId, oldSpan] = this.spans.entries().next().value as [string, Span];
      oldSpan.end();
      this.spans.delete(oldId);
    }
    this.spans.set(requestId, span);
  }
}
