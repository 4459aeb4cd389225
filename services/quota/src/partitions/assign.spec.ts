import { desiredOwners, leaseStep } from './assign';

describe('desiredOwners', () => {
  it('spreads partitions and moves only the leaving member’s', () => {
    const three = desiredOwners(['a', 'b', 'c'], 64);
    expect(new Set(three)).toEqual(new Set(['a', 'b', 'c']));
    const two = desiredOwners(['a', 'c'], 64);
    three.forEach((o, p) => o !== 'b' && expect(two[p]).toBe(o));
  });
});

describe('leaseStep', () => {
  it('acquires, refreshes, waits for a live holder, takes over an expired one, releases when not desired', () => {
    expect(leaseStep('a', 'a', null, 0)).toBe('acquire');
    expect(leaseStep('a', 'a', { owner: 'a', expiresAt: 10 }, 5)).toBe('refresh');
    expect(leaseStep('a', 'a', { owner: 'b', expiresAt: 10 }, 5)).toBe('wait');
    expect(leaseStep('a', 'a', { owner: 'b', expiresAt: 10 }, 11)).toBe('take_over');
    expect(leaseStep('a', 'b', { owner: 'a', expiresAt: 10 }, 5)).toBe('release');
    expect(leaseStep('a', 'b', { owner: 'c', expiresAt: 10 }, 11)).toBe('none');
    expect(leaseStep('a', 'b', { owner: 'b', expiresAt: 10 }, 5)).toBe('none');
  });
});
