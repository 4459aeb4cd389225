import { type MaskVault, restoreText } from './vault';

/** A text transform applied to a stream of deltas: `push` returns what may be sent now, `flush` the rest. */
export interface TextStream {
  push(delta: string): string;
  flush(): string;
}

/**
 * Puts masked values back into a streamed completion. A token may arrive split across chunks
 * (`<EMA` + `IL_1>`): only a tail that may still become a token is held back — from its `<`, at
 * most the longest token's length — never the rest of the text.
 */
export class RestoreStream implements TextStream {
  private pending = '';
  private readonly maxLen: number;

  constructor(private readonly vault: MaskVault) {
    this.maxLen = vault.maxTokenLength;
  }

  push(delta: string): string {
    const text = this.pending + delta;
    const hold = this.heldFrom(text);
    this.pending = text.slice(hold);
    return restoreText(text.slice(0, hold), this.vault);
  }

  flush(): string {
    const rest = restoreText(this.pending, this.vault);
    this.pending = '';
    return rest;
  }

  /** Offset of a trailing `<…` that could still grow into a token (text.length when none). */
  private heldFrom(text: string): number {
    const lt = text.lastIndexOf('<');
    if (lt < 0 || text.length - lt >= this.maxLen) return text.length;
    return /^<[A-Z_]*\d*$/.test(text.slice(lt)) ? lt : text.length;
  }
}
