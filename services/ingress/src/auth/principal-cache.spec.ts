import type { Principal } from '@gatehouse/contracts';
import { PrincipalCache } from './principal-cache';

const p = (id: string) => ({ key_id: id }) as Principal;

describe('PrincipalCache', () => {
  it('returns an entry until its TTL passes', () => {
    const c = new PrincipalCache(1_000);
    c.set('d1', p('a'), 0);
    expect(c.get('d1', 999)?.key_id).toBe('a');
    expect(c.get('d1', 1_000)).toBeNull();
  });

  it('stays within its size bound, dropping the oldest', () => {
    const c = new PrincipalCache(1_000, 2);
    c.set('d1', p('a'), 0);
    c.set('d2', p('b'), 0);
    c.set('d3', p('c'), 0);
    expect(c.get('d1', 1)).toBeNull();
    expect(c.get('d3', 1)?.key_id).toBe('c');
  });
});

describe('PrincipalCache (issue #4)', () => {
  const full = (id: string, team: string | null, expires_at: string | null = null) => ({ key_id: id, team_id: team, expires_at }) as Principal;

  it('never serves a principal past its own expiry', () => {
    const c = new PrincipalCache(60_000);
    c.set('d1', full('a', null, new Date(1_000).toISOString()), 0);
    expect(c.get('d1', 999)?.key_id).toBe('a');
    expect(c.get('d1', 1_000)).toBeNull();
  });

  it('evicts by key id and by team id', () => {
    const c = new PrincipalCache();
    c.set('d1', full('a', 't1'), 0);
    c.set('d2', full('b', 't2'), 0);
    c.set('d3', full('c', 't2'), 0);
    expect(c.evict(['a'], [])).toBe(1);
    expect(c.evict([], ['t2'])).toBe(2);
    expect(c.size).toBe(0);
  });
});
