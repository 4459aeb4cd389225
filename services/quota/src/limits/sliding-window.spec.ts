import { SlidingWindow, type WindowCheck } from './sliding-window';

/** The window's rules written the plain way (an array of entry objects, filtered on every call): the oracle. */
class NaiveWindow {
  private entries: { id: string; at: number; tokens: number; live: boolean }[] = [];
  constructor(private readonly windowMs: number) {}

  check(rpm: number | null, tpm: number | null, tokens: number, now: number): WindowCheck {
    this.entries = this.entries.filter((e) => e.at > now - this.windowMs);
    const live = this.entries.filter((e) => e.live);
    const count = live.length;
    const used = live.reduce((s, e) => s + e.tokens, 0);
    const overRpm = rpm !== null && count + 1 > rpm;
    const overTpm = tpm !== null && used + tokens > tpm && count > 0;
    const reset = (need: number, weight: (e: { tokens: number }) => number) => {
      const scanned = this.entries.slice(0, 4096);
      let freed = 0;
      for (const e of scanned) {
        if (!e.live) continue;
        freed += weight(e);
        if (need <= 0 || freed >= need) return Math.max(0, e.at + this.windowMs - now);
      }
      const newest = this.entries[this.entries.length - 1];
      return scanned.length < this.entries.length ? Math.max(0, newest.at + this.windowMs - now) : this.windowMs;
    };
    return {
      admitted: !overRpm && !overTpm,
      refusedBy: overRpm ? 'rpm' : overTpm ? 'tpm' : null,
      requestsRemaining: rpm === null ? null : Math.max(0, rpm - count - (overRpm || overTpm ? 0 : 1)),
      tokensRemaining: tpm === null ? null : Math.max(0, tpm - used - (overRpm || overTpm ? 0 : tokens)),
      requestsResetMs: reset(rpm === null ? 0 : Math.max(0, count + 1 - rpm), () => 1),
      tokensResetMs: reset(tpm === null ? 0 : Math.max(0, used + tokens - tpm), (e) => e.tokens),
    };
  }

  add(id: string, tokens: number, now: number): void {
    this.entries.push({ id, at: now, tokens, live: true });
  }

  remove(id: string): void {
    const e = this.entries.find((x) => x.id === id && x.live);
    if (e) e.live = false;
  }

  record(id: string, tokens: number, at: number, now: number): void {
    const e = this.entries.find((x) => x.id === id && x.live);
    if (e) return void (e.tokens = tokens);
    this.entries = this.entries.filter((x) => x.at > now - this.windowMs);
    if (at <= now - this.windowMs) return;
    let i = this.entries.length;
    while (i > 0 && this.entries[i - 1].at > at) i--;
    this.entries.splice(i, 0, { id, at, tokens, live: true });
  }
}

/** A deterministic pseudo-random sequence (tests must fail the same way twice). */
function lcg(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s % n;
  };
}

describe('SlidingWindow', () => {
  it('counts tokens, frees a request that never ran, and settles to actual tokens', () => {
    const w = new SlidingWindow(60_000);
    w.add('a', 600, 0);
    expect(w.check(null, 1000, 500, 1).admitted).toBe(false);
    w.settle('a', 100);
    expect(w.check(null, 1000, 500, 1).admitted).toBe(true);
    w.add('b', 1, 2);
    w.remove('b');
    expect(w.check(2, null, 0, 3).requestsRemaining).toBe(0);
    expect(w.check(1, null, 0, 60_001).admitted).toBe(true);
  });

  it('inserts a finished request at its start time, before newer entries, and leaves it when its start leaves', () => {
    const w = new SlidingWindow(1_000);
    w.add('new', 1, 500);
    w.record('old', 1, 100, 600);
    expect(w.check(2, null, 0, 600)).toMatchObject({ admitted: false, requestsResetMs: 500 });
    expect(w.check(2, null, 0, 1_100)).toMatchObject({ admitted: true, requestsRemaining: 0 });
    w.record('gone', 1, 50, 1_100); // started before the window: not counted
    expect(w.check(2, null, 0, 1_100).requestsRemaining).toBe(0);
  });

  it('agrees with the plain model through growth, wrap-around, inserts, removals and shrinking', () => {
    const rand = lcg(7);
    const w = new SlidingWindow(1_000);
    const naive = new NaiveWindow(1_000);
    const ids: string[] = [];
    let now = 0;
    for (let step = 0; step < 20_000; step++) {
      // Bursts and lulls: the ring grows, wraps and shrinks again.
      now += Math.floor(step / 2_000) % 2 === 0 ? rand(3) : rand(200);
      const op = rand(10);
      if (op < 5) {
        const id = `r${step}`;
        const tokens = 1 + rand(50);
        w.add(id, tokens, now);
        naive.add(id, tokens, now);
        ids.push(id);
      } else if (op < 6 && ids.length > 0) {
        const id = ids[rand(ids.length)];
        w.remove(id);
        naive.remove(id);
      } else if (op < 8) {
        const fromAdds = ids.length > 0 && rand(2) === 0;
        const id = fromAdds ? ids[rand(ids.length)] : `e${step}`;
        const at = now - rand(1_200);
        const tokens = rand(80);
        w.record(id, tokens, at, now);
        naive.record(id, tokens, at, now);
      } else {
        const rpm = rand(3) === 0 ? null : 1 + rand(40);
        const tpm = rand(3) === 0 ? null : 1 + rand(1_500);
        const tokens = rand(60);
        expect(w.check(rpm, tpm, tokens, now)).toEqual(naive.check(rpm, tpm, tokens, now));
      }
    }
  });

  it('gives its buffers back once a burst has left the window', () => {
    const w = new SlidingWindow(1_000);
    for (let i = 0; i < 5_000; i++) w.add(`r${i}`, 1, i / 10);
    expect(w.length).toBe(5_000);
    expect(w.idle(2_000)).toBe(true);
    expect(w.length).toBe(0);
    w.add('again', 1, 2_000);
    expect(w.check(1, null, 0, 2_000)).toMatchObject({ admitted: false, requestsRemaining: 0 });
  });
});

describe('SlidingWindow reset times', () => {
  const w = new SlidingWindow(60_000);
  for (let i = 0; i < 10_000; i++) w.add(`r${i}`, 1, i);

  it('says when the oldest entries free what is needed', () => {
    expect(w.check(null, 10_000, 10, 10_000)).toMatchObject({ admitted: false, refusedBy: 'tpm', tokensResetMs: 60_000 + 9 - 10_000 });
    expect(w.check(null, 10_010, 10, 10_000)).toMatchObject({ admitted: true, tokensResetMs: 60_000 - 10_000 });
  });

  it('answers when the newest leaves once the walk would be long (a later, still true reset)', () => {
    expect(w.check(null, 1_000, 10, 10_000)).toMatchObject({ admitted: false, tokensResetMs: 60_000 + 9_999 - 10_000 });
  });
});
