import type { ChatMessage } from '@gatehouse/contracts';
import type { Origin, ScanUnit } from '@gatehouse/detectors';

/** Where a unit's text lives in the request: a message's string content, or one of its text parts. */
export interface UnitRef {
  message: number;
  part: number | null;
}

function originOf(role: string, part: number): Origin {
  if (role === 'system' || role === 'developer') return 'system';
  if (role === 'tool' || role === 'function') return 'tool';
  if (role === 'assistant') return 'assistant';
  // A user message's further text parts are attachments and retrieved documents: the indirect case.
  return part > 0 ? 'context' : 'user';
}

/** Pure: the texts of a chat request to scan, each with role, origin and where it came from. */
export function toUnits(messages: readonly ChatMessage[]): { units: ScanUnit[]; refs: UnitRef[] } {
  const units: ScanUnit[] = [];
  const refs: UnitRef[] = [];
  messages.forEach((m, i) => {
    const role = String(m.role);
    if (typeof m.content === 'string') {
      units.push({ role, origin: originOf(role, 0), text: m.content });
      refs.push({ message: i, part: null });
    } else if (Array.isArray(m.content)) {
      let k = 0;
      m.content.forEach((p, j) => {
        if (p.type !== 'text' || typeof p.text !== 'string') return;
        units.push({ role, origin: originOf(role, k++), text: p.text });
        refs.push({ message: i, part: j });
      });
    }
  });
  return { units, refs };
}
