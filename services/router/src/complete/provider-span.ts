import { type Span, SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { Usage } from '@gatehouse/contracts';
import type { Deployment } from '@gatehouse/config';
import type { ProviderError } from '@gatehouse/providers';
import { startSpan } from '@gatehouse/telemetry';

/** A provider call as an OpenTelemetry GenAI client span (`chat <model>`, `gen_ai.*` attributes). */
export function providerSpan(d: Deployment, traceparent: string | null | undefined): Span {
  return startSpan(`chat ${d.providerModel}`, SpanKind.CLIENT, traceparent, {
    'gen_ai.operation.name': 'chat',
    'gen_ai.system': d.provider,
    'gen_ai.request.model': d.providerModel,
    'gatehouse.deployment': d.id,
    'gatehouse.model_group': d.group,
  }).span;
}

export function endProviderSpan(span: Span, failure: ProviderError | null, usage: Usage | null, ttftMs: number | null): void {
  if (usage) {
    span.setAttribute('gen_ai.usage.input_tokens', usage.prompt_tokens);
    span.setAttribute('gen_ai.usage.output_tokens', usage.completion_tokens);
  }
  if (ttftMs !== null) span.setAttribute('gatehouse.ttft_ms', ttftMs);
  if (failure) span.setStatus({ code: SpanStatusCode.ERROR, message: failure.kind });
  span.end();
}
