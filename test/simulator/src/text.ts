/**
 * Deterministic text helpers: the simulator's "tokenizer" counts whitespace-separated words, so a
 * test can compute the expected usage of any request by hand.
 */

/** Words in `text`: runs of non-whitespace characters. */
export function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || (c >= 9 && c <= 13) || c === 160;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** The text of a message `content`: a string, or the `text` parts of a content array. */
export function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  const parts: string[] = [];
  for (const p of content) {
    if (p && typeof p === 'object' && typeof (p as { text?: unknown }).text === 'string') parts.push((p as { text: string }).text);
  }
  return parts.join(' ');
}

/** Splits text into stream pieces the way a model emits tokens: a word with its leading space. */
export function streamPieces(text: string): string[] {
  return text.match(/\s*\S+/g) ?? [];
}

/** 32-bit FNV-1a: cheap, stable ids and embedding seeds derived from text. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
