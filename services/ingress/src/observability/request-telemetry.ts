import { type Span, SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { childTrace, formatTraceparent, Metrics, parseTraceparent, startSpan, tracingEnabled } from '@gatehouse/telemetry';
import type { RequestRecord } from '../chat/request-record';

export interface RequestTrace {
  /** The W3C header every hop of this request carries. */
  traceparent: string;
  traceId: string;
  span: Span | null;
}

/**
 * The request's trace: a server span continuing the client's `traceparent` when tracing is on;
 * otherwise ids only (logs and events still carry a trace id, at the cost of two random ids).
 */
export function startRequestTrace(endpoint: string, incoming: string | undefined): RequestTrace {
  if (tracingEnabled()) {
    const { span, traceparent } = startSpan(`POST ${endpoint}`, SpanKind.SERVER, incoming, { 'http.request.method': 'POST', 'url.path': endpoint });
    if (traceparent) return { traceparent, traceId: span.spanContext().traceId, span };
    span.end();
  }
  const ids = childTrace(parseTraceparent(incoming));
  return { traceparent: formatTraceparent(ids), traceId: ids.traceId, span: null };
}

/** Metrics (and span attributes) of a finished request: one call where its event is published. */
export function finishRequestTelemetry(rec: RequestRecord, status: number, trace: RequestTrace | null, now = performance.now()): void {
  const model = rec.model ?? 'unknown';
  const team = rec.principal?.team_id ?? 'none';
  Metrics.requests.inc({ endpoint: rec.endpoint, model, provider: rec.route.provider ?? 'none', deployment: rec.route.deployment_id ?? 'none', status: String(status) });
  Metrics.requestDuration.observe({ endpoint: rec.endpoint, model, status_class: `${Math.floor(status / 100)}xx` }, (now - rec.startedAt) / 1000);
  if (rec.usage) {
    Metrics.tokenUsage.inc({ team, gen_ai_request_model: model, gen_ai_token_type: 'input' }, rec.usage.prompt_tokens);
    Metrics.tokenUsage.inc({ team, gen_ai_request_model: model, gen_ai_token_type: 'output' }, rec.usage.completion_tokens);
  }
  if (rec.cost.usd > 0) Metrics.costUsd.inc({ team, model }, rec.cost.usd);
  Metrics.cacheLookups.inc({ status: rec.cache });
  if (rec.guard) for (const f of rec.guard.findings.length ? rec.guard.findings : [{ detector: 'none', action: rec.guard.action }]) Metrics.guardVerdicts.inc({ action: f.action, detector: f.detector });
  const span = trace?.span;
  if (!span) return;
  span.setAttributes({
    'http.response.status_code': status,
    'gen_ai.request.model': model,
    'gen_ai.system': rec.route.provider ?? undefined,
    'gen_ai.usage.input_tokens': rec.usage?.prompt_tokens,
    'gen_ai.usage.output_tokens': rec.usage?.completion_tokens,
    'gatehouse.request_id': rec.requestId,
    'gatehouse.key_id': rec.principal?.key_id ?? undefined,
    'gatehouse.team_id': rec.principal?.team_id ?? undefined,
    'gatehouse.deployment': rec.route.deployment_id ?? undefined,
    'gatehouse.cache': rec.cache,
    'gatehouse.guard': rec.guard?.action,
  });
  if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
  span.end();
}
