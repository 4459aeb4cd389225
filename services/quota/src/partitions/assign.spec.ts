import { desiredOwners, eligibleMembers, leaseStep } from './assign';

describe('desiredOwners', () => {
  it('spreads partitions and moves only the leaving member’s', () => {
    const three = desiredOwners(['a', 'b', 'c'], 64);
    expect(new Set(three)).toEqual(new Set(['a', 'b', 'c']));
    const two = desiredOwners(['a', 'c'], 64);
    three.forEach((o, p) => o !== 'b' && expect(two[p]).toBe(o));
  });

  it('gives nobody anything when there is no member', () => {
    expect(desiredOwners([], 3)).toEqual(['', '', '']);
  });
});

describe('eligibleMembers', () => {
  it('keeps members with a recent heartbeat that are not draining', () => {
    const members = new Map([
      ['live', { at: 100 }],
      ['stale', { at: 10 }],
      ['leaving', { at: 100, draining: true }],
    ]);
    expect(eligibleMembers(members, 105, 50)).toEqual(['live']);
  });
});

describe('leaseStep', () => {
  it('acquires, keeps, waits for a live holder, takes over an expired one, releases when not desired', () => {
    expect(leaseStep('a', 'a', null, 0)).toBe('acquire');
    expect(leaseStep('a', 'a', { owner: 'a', expiresAt: 10 }, 5)).toBe('keep');
    expect(leaseStep('a', 'a', { owner: 'b', expiresAt: 10 }, 5)).toBe('wait');
    expect(leaseStep('a', 'a', { owner: 'b', expiresAt: 10 }, 11)).toBe('take_over');
    expect(leaseStep('a', 'b', { owner: 'a', expiresAt: 10 }, 5)).toBe('release');
    expect(leaseStep('a', 'b', { owner: 'c', expiresAt: 10 }, 11)).toBe('none');
    expect(leaseStep('a', 'b', { owner: 'b', expiresAt: 10 }, 5)).toBe('none');
  });

  it('a member that is leaving (desired by nobody) releases what it holds', () => {
    expect(leaseStep('a', '', { owner: 'a', expiresAt: 10 }, 5)).toBe('release');
    expect(leaseStep('a', '', null, 5)).toBe('none');
  });
});
