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
