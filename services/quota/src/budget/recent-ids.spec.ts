import { RecentIds } from './recent-ids';

describe('RecentIds', () => {
  it('remembers an id for at least keepMs and forgets it within one bucket more', () => {
    const ids = new RecentIds(60_000, 10_000);
    ids.add('a', 0);
    ids.add('b', 9_999);
    ids.add('c', 10_000);
    ids.prune(69_999);
    expect(['a', 'b', 'c'].map((x) => ids.has(x))).toEqual([true, true, true]);
    ids.prune(70_000); // every id of the first bucket is at least 60 s old
    expect(['a', 'b', 'c'].map((x) => ids.has(x))).toEqual([false, false, true]);
    expect(ids.size).toBe(1);
    ids.prune(80_000);
    expect(ids.has('c')).toBe(false);
  });
});
