import type { ChatCompletionChunk, ChatCompletionRequest, FinishReason, RouteOutcome, Usage } from '@gatehouse/contracts';
import type { ProviderCall, ProviderError } from '@gatehouse/providers';
import type { Routable } from '../deployments/deployment-registry.service';
import { asProviderError, providerErrorFrame } from './provider-errors';
import { chunkForClient, estimateUsage } from './usage';
import type { FrameSink } from './run-completion';

/**
 * One call to one deployment. For streams, chunks that carry nothing the client would see (the
 * role-only opening chunk) are held back until the first real content: a provider that answers
 * 200 and then errors before any content still fails over transparently (docs/adr/0007).
 */
export class Attempt {
  sentAny = false;
  /** Time to first token (streams) or the whole call, from this attempt's start. */
  latencyMs: number | null = null;
  private usage: Usage | null = null;
  private finish: FinishReason | null = null;
  private chars = 0;
  private held: ChatCompletionChunk[] = [];
  private readonly t0 = performance.now();

  constructor(
    private readonly request: ChatCompletionRequest,
    private readonly stream: boolean,
    private readonly sink: FrameSink,
    private readonly target: Routable,
    private readonly route: RouteOutcome,
    private readonly started: number,
    /** Called just before the end frame goes out, so the route it carries is complete. */
    private readonly beforeEnd: () => void = () => undefined,
  ) {}

  /** Null on success (the end frame is sent), else the failure for the caller to judge. */
  async run(): Promise<ProviderError | null> {
    const d = this.target.deployment;
    const call: ProviderCall = {
      deployment: d,
      apiKey: this.target.apiKey,
      params: this.target.params,
      request: this.request,
      signal: this.sink.signal,
      firstByteTimeoutMs: (this.stream ? d.streamTimeoutMs : null) ?? d.timeoutMs,
      timeoutMs: d.timeoutMs,
    };
    try {
      if (this.stream) await this.streamChunks(call);
      else {
        const response = await this.target.adapter.chat(call);
        this.latencyMs = performance.now() - this.t0;
        this.route.ttft_ms = performance.now() - this.started;
        this.usage = response.usage ?? null;
        this.finish = response.choices[0]?.finish_reason ?? null;
        this.beforeEnd();
        this.sink.end({ route: this.route, usage: this.usage, finish_reason: this.finish, response });
        return null;
      }
    } catch (err) {
      return asProviderError(err, this.sink.signal.aborted);
    }
    if (this.sink.signal.aborted) {
      this.fail(null);
      return null;
    }
    if (!(await this.flushHeld())) {
      this.fail(null);
      return null;
    }
    this.beforeEnd();
    this.sink.end({ route: this.route, usage: this.usage ?? estimateUsage(this.request, this.chars), finish_reason: this.finish });
    return null;
  }

  private async streamChunks(call: ProviderCall): Promise<void> {
    const wantsUsage = this.request.stream_options?.include_usage === true;
    for await (const chunk of this.target.adapter.chatStream(call)) {
      if (this.latencyMs === null) this.latencyMs = performance.now() - this.t0;
      if (chunk.usage) this.usage = chunk.usage;
      for (const c of chunk.choices) {
        if (c.finish_reason) this.finish = c.finish_reason;
        this.chars += c.delta.content?.length ?? 0;
      }
      const out = chunkForClient(chunk, wantsUsage);
      if (!out) continue;
      if (!this.sentAny && isPreamble(out)) {
        this.held.push(out);
        continue;
      }
      if (this.route.ttft_ms === null || !this.sentAny) this.route.ttft_ms = performance.now() - this.started;
      if (!(await this.flushHeld()) || !(await this.sink.chunk(out))) return; // cancelled: the caller reports it
      this.sentAny = true;
    }
  }

  private async flushHeld(): Promise<boolean> {
    const held = this.held;
    this.held = [];
    for (const c of held) {
      if (!(await this.sink.chunk(c))) return false;
      this.sentAny = true;
    }
    return true;
  }

  get reportedUsage(): Usage | null {
    return this.usage;
  }

  /** Ends the request with an error frame; what was generated so far is still reported (billed). */
  fail(err: ProviderError | null): void {
    const usage = this.usage ?? (this.sentAny || this.chars > 0 ? estimateUsage(this.request, this.chars) : null);
    const error = err
      ? providerErrorFrame(err, this.route.deployment_id)
      : { code: 'client_closed_request', message: 'The client closed the request.' };
    this.sink.error({ route: this.route, usage, error });
  }
}

/** A chunk with nothing to show: no text, no tool call, no finish reason, no usage. */
function isPreamble(c: ChatCompletionChunk): boolean {
  if (c.usage) return false;
  for (const ch of c.choices) {
    if (ch.finish_reason || ch.delta.content || (ch.delta.tool_calls?.length ?? 0) > 0) return false;
    if ((ch.delta as { refusal?: unknown }).refusal) return false;
  }
  return true;
}
