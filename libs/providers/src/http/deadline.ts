import { ProviderError, type ProviderCall } from '../types';

/**
 * The deadlines of one provider call folded into one AbortSignal: the caller's `signal`, the
 * first-byte timeout and the whole-call timeout. Remembering which one fired lets the adapter
 * tell a timeout (ProviderError `timeout`) from the caller giving up (the caller's own reason).
 */
export class CallDeadline {
  private readonly controller = new AbortController();
  private fired: 'caller' | 'first_byte' | 'total' | null = null;
  private firstByteTimer: NodeJS.Timeout | null;
  private readonly totalTimer: NodeJS.Timeout;

  constructor(
    private readonly call: Pick<ProviderCall, 'signal' | 'firstByteTimeoutMs' | 'timeoutMs'>,
    /** Names the call in error messages, e.g. `openai/gpt-4o-mini`. */
    private readonly label: string,
  ) {
    this.firstByteTimer = setTimeout(() => this.abort('first_byte'), call.firstByteTimeoutMs);
    this.totalTimer = setTimeout(() => this.abort('total'), call.timeoutMs);
    if (call.signal.aborted) this.abort('caller');
    else call.signal.addEventListener('abort', this.onCallerAbort, { once: true });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** The provider answered: only the whole-call deadline is left. */
  firstByte(): void {
    if (this.firstByteTimer) clearTimeout(this.firstByteTimer);
    this.firstByteTimer = null;
  }

  dispose(): void {
    this.firstByte();
    clearTimeout(this.totalTimer);
    this.call.signal.removeEventListener('abort', this.onCallerAbort);
  }

  /**
   * When a deadline ended the call, the error to throw instead of whatever the transport threw
   * (undici reports an abort in several ways); null when the failure is the provider's own.
   */
  failure(): unknown {
    switch (this.fired) {
      case null:
        return null;
      case 'caller':
        return this.call.signal.reason;
      case 'first_byte':
        return new ProviderError('timeout', `${this.label}: no response within ${this.call.firstByteTimeoutMs} ms`);
      case 'total':
        return new ProviderError('timeout', `${this.label}: not complete within ${this.call.timeoutMs} ms`);
    }
  }

  private readonly onCallerAbort = (): void => this.abort('caller');

  private abort(why: 'caller' | 'first_byte' | 'total'): void {
    if (this.fired) return;
    this.fired = why;
    this.dispose();
    this.controller.abort(why === 'caller' ? this.call.signal.reason : new Error(why));
  }
}
