import { exampleRequestFacts } from '@gatehouse/contracts';
import type { RequestEvent } from './request-event';
import { ScopeBook } from './scope-book';

const T = Date.UTC(2026, 10, 22, 10);
const event = (id: string, at: number, over: Partial<RequestEvent> = {}): RequestEvent =>
  ({
    ...exampleRequestFacts,
    request_id: id,
    occurred_at: new Date(at).toISOString(),
    key_id: 'k',
    team_id: 't',
    model: null,
    usage: { prompt_tokens: 60, completion_tokens: 40, total_tokens: 100, cached_tokens: 0, reasoning_tokens: 0 },
    cost: { usd: 0.5, price_unknown: false },
    ...over,
  }) as RequestEvent;

describe('ScopeBook', () => {
  it("charges every scope derivable from the event, the key's project included", () => {
    const book = new ScopeBook();
    const charged = book.applyRequest(event('a', T, { project: 'invoices' }), T);
    expect(charged.map((s) => s.id)).toEqual(['key:k', 'team:t', 'project:invoices']);
    expect(book.scope('project:invoices').spent(book.scope('project:invoices').period(T))).toBe(0.5);
    expect(book.applyRequest(event('a', T, { project: 'invoices' }), T)).toEqual([]); // a duplicate
  });

  it('rebuilds rate windows from the last minute of finished requests another replica admitted', () => {
    const book = new ScopeBook();
    book.applyRequest(event('old', T - 61_000), T);
    book.applyRequest(event('late', T - 10_000), T);
    book.applyRequest(event('early', T - 30_000), T); // finished later, started earlier: kept in start order
    const w = book.scope('key:k').window;
    expect(w.check(3, null, 0, T)).toMatchObject({ admitted: true, requestsRemaining: 0 });
    expect(w.check(2, null, 0, T)).toMatchObject({ admitted: false, refusedBy: 'rpm', requestsResetMs: 30_000 });
    expect(w.check(null, 250, 60, T)).toMatchObject({ admitted: false, refusedBy: 'tpm' });
    expect(w.check(2, null, 0, T + 30_000).admitted).toBe(true); // `early` left the window
  });

  it('settles (not adds) a request this replica admitted, and forgets one that never ran', () => {
    const book = new ScopeBook();
    const s = book.scope('key:k');
    s.window.add('mine', 500, T - 5_000);
    s.window.add('refused', 500, T - 4_000);
    book.applyRequest(event('mine', T - 5_000), T);
    book.applyRequest(event('refused', T - 4_000, { error: { code: 'budget_exceeded' } }), T);
    expect(s.window.check(null, 1_000, 0, T)).toMatchObject({ tokensRemaining: 900 });
    expect(s.window.check(2, null, 0, T)).toMatchObject({ requestsRemaining: 0 });
  });

  it('leaves windows alone for scopes known to have no rate limit', () => {
    const book = new ScopeBook();
    book.scope('key:k').limits = { rpm: null, tpm: null, max_parallel: null, max_budget_usd: 1, budget_duration: null };
    book.applyRequest(event('a', T - 1_000), T);
    expect(book.scope('key:k').window.idle(T)).toBe(true);
    expect(book.scope('team:t').window.idle(T)).toBe(false);
  });

  it("counts another owner's reserved requests as in flight until their request event, and its own memory-only ones apart", () => {
    const book = new ScopeBook();
    const s = book.scope('key:k');
    const reserved = (id: string) => ({
      reservation_id: `${id}@key:k`, request_id: id, scope_id: 'key:k', period: 'monthly:2026-11', amount_usd: 0,
      expires_at: new Date(T + 900_000).toISOString(), occurred_at: new Date(T).toISOString(), reserved_by: 'quota-gone',
    });
    book.applyReserved(reserved('theirs'), 1);
    s.hold({ requestId: 'mine', period: 'monthly:2026-11', amountUsd: 0, expiresAt: T + 900_000, durable: false });
    expect(s).toMatchObject({ parallel: 2, memParallel: 1 });
    book.applyReserved(reserved('mine'), 2); // its own event read back: now durable
    expect(s).toMatchObject({ parallel: 2, memParallel: 0 });
    book.applyRequest(event('theirs', T), T + 1_000);
    expect(s).toMatchObject({ parallel: 1, memParallel: 0 });
    book.applyRequest(event('done-before-its-reservation-was-read', T), T + 1_000);
    book.applyReserved(reserved('done-before-its-reservation-was-read'), 3);
    expect(s.parallel).toBe(1);
  });

  it('finds expired reservations and skips scopes whose earliest expiry is ahead', () => {
    const book = new ScopeBook();
    const s = book.scope('key:k');
    s.hold({ requestId: 'a', period: 'p', amountUsd: 1, expiresAt: T + 1_000, durable: false });
    s.hold({ requestId: 'b', period: 'p', amountUsd: 1, expiresAt: T + 5_000, durable: false });
    expect([...book.expired(T)]).toEqual([]);
    expect([...book.expired(T + 1_000)].map((x) => x.reservation.requestId)).toEqual(['a']);
    s.release('a');
    expect(s.nextExpiry).toBe(T + 5_000);
    expect([...book.expired(T + 2_000)]).toEqual([]);
  });
});
