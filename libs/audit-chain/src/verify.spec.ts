import { EMPTY_HEAD, GENESIS_HASH, seal } from './chain';
import { FindingKind, type ObservedEvent, verifyChain } from './verify';

const SUBJECT = 'gh.evt.request.completed.v1';
const events = Array.from({ length: 12 }, (_, i) => ({
  subject: SUBJECT,
  stream_seq: i + 1,
  event: { request_id: `req_${i + 1}`, cost: { usd: 0.001 * i }, tags: ['t'] },
}));
const { entries } = seal(EMPTY_HEAD, events);
const sealed = entries.map(({ source: _s, ...e }) => e);
const observed = (): ObservedEvent[] => events.map((e) => ({ subject: e.subject, event: structuredClone(e.event), at: e.stream_seq }));
const brief = (r: ReturnType<typeof verifyChain>) => r.findings.map((f) => [f.kind, f.position, f.at]);

describe('seal', () => {
  it('links each entry to the one before, starting from the genesis hash', () => {
    expect(sealed[0]!.prev_hash).toBe(GENESIS_HASH);
    for (let i = 1; i < sealed.length; i++) expect(sealed[i]!.prev_hash).toBe(sealed[i - 1]!.hash);
    expect(sealed.map((s) => s.position)).toEqual(events.map((_, i) => i + 1));
  });

  it('continues from a head exactly as sealing everything at once', () => {
    const first = seal(EMPTY_HEAD, events.slice(0, 5));
    const rest = seal(first.head, events.slice(5));
    expect([...first.entries, ...rest.entries].map((e) => e.hash)).toEqual(sealed.map((s) => s.hash));
  });
});

describe('verifyChain: tampering with a copy gives the exact finding', () => {
  it('finds nothing in an untouched copy, whatever its key order', () => {
    const reversed = (v: unknown): unknown =>
      v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reversed(x)])) : v;
    const copy = observed().map((o) => ({ ...o, event: reversed(o.event) }));
    expect(verifyChain(sealed, copy)).toEqual({ findings: [], sealed: 12, observed: 12, unsealed: 0 });
  });

  it.each<[string, (c: ObservedEvent[]) => void, [string, number, number | null][]]>([
    ['a changed cost', (c) => ((c[4]!.event as { cost: { usd: number } }).cost.usd = 9), [[FindingKind.changed, 5, 5]]],
    ['a changed subject', (c) => (c[0]!.subject = 'gh.evt.request.failed.v1'), [[FindingKind.changed, 1, 1]]],
    ['a removed event', (c) => c.splice(6, 1), [[FindingKind.removed, 7, null]]],
    ['two removed events in a row', (c) => c.splice(2, 2), [[FindingKind.removed, 3, null], [FindingKind.removed, 4, null]]],
    ['the last event removed', (c) => c.pop(), [[FindingKind.removed, 12, null]]],
    ['an inserted event', (c) => c.splice(3, 0, { subject: SUBJECT, event: { request_id: 'forged' }, at: 99 }), [[FindingKind.inserted, 4, 4]]],
    ['two neighbours swapped', (c) => c.splice(8, 2, c[9]!, c[8]!), [[FindingKind.reordered, 9, 10]]],
    ['an event moved further down', (c) => c.splice(8, 0, ...c.splice(2, 1)), [[FindingKind.reordered, 3, 9]]],
  ])('%s', (_name, tamper, expected) => {
    const copy = observed();
    tamper(copy);
    copy.forEach((c, i) => (c.at = i + 1)); // read back from a stream copy: positions are where they now are
    expect(brief(verifyChain(sealed, copy))).toEqual(expected);
  });

  it('reports events after the last sealed one as unsealed, not as findings', () => {
    const copy = [...observed(), { subject: SUBJECT, event: { request_id: 'new' }, at: 13 }];
    expect(verifyChain(sealed, copy)).toMatchObject({ findings: [], unsealed: 1 });
  });

  it('reports a table whose entries no longer link up', () => {
    const gap = sealed.filter((s) => s.position !== 6);
    expect(brief(verifyChain(gap, observed().filter((o) => o.at !== 6)))).toEqual([[FindingKind.brokenLink, 7, null]]);
    const relinked = sealed.map((s) => (s.position === 3 ? { ...s, prev_hash: 'f'.repeat(64) } : s));
    expect(brief(verifyChain(relinked, observed()))).toEqual([[FindingKind.changed, 3, 3], [FindingKind.brokenLink, 3, null]]);
  });

  it('still finds a change deep in a long chain with a small window', () => {
    const many = Array.from({ length: 500 }, (_, i) => ({ subject: SUBJECT, stream_seq: i + 1, event: { n: i } }));
    const chain = seal(EMPTY_HEAD, many).entries.map(({ source: _s, ...e }) => e);
    const copy = many.map((m) => ({ subject: m.subject, event: m.event, at: m.stream_seq }));
    copy[321] = { ...copy[321]!, event: { n: -1 } };
    expect(brief(verifyChain(chain, copy, 8))).toEqual([[FindingKind.changed, 322, 322]]);
  });
});
