import { coolingUntil, decideOnFailure, decideOnSuccess, evolve, initialCooldownState } from './cooldowns';

const policy = { allowedFails: 2, cooldownMs: 5_000, failWindowMs: 60_000 };
const fail = (now: number, groupSize = 2) => ({ deploymentId: 'a', group: 'g', groupSize, reason: 'server', now, replica: 'r1' });

describe('cooldowns', () => {
  it('cools a deployment on the failure after allowed_fails within the window, until cooldown_time has passed', () => {
    const s = initialCooldownState();
    expect(decideOnFailure(s, fail(1_000), policy)).toBeNull();
    expect(decideOnFailure(s, fail(2_000), policy)).toBeNull();
    const e = decideOnFailure(s, fail(3_000), policy)!;
    expect(e.type).toBe('deployment_cooled_down');
    expect(e.data).toMatchObject({ deployment_id: 'a', failures: 3, until: new Date(8_000).toISOString(), cooled_by: 'r1' });
    evolve(s, e);
    expect(coolingUntil(s, 'a', 7_999)).toBe(8_000);
    expect(coolingUntil(s, 'a', 8_000)).toBe(0);
  });

  it('forgets failures older than the window', () => {
    const s = initialCooldownState();
    decideOnFailure(s, fail(0), policy);
    decideOnFailure(s, fail(1), policy);
    expect(decideOnFailure(s, fail(61_000), policy)).toBeNull();
  });

  it('never cools the only deployment of a group', () => {
    const s = initialCooldownState();
    for (let t = 0; t < 5; t++) expect(decideOnFailure(s, fail(t, 1), policy)).toBeNull();
  });

  it('a success resets the count and, after a cooldown, is announced once as a recovery', () => {
    const s = initialCooldownState();
    for (let t = 0; t < 3; t++) {
      const e = decideOnFailure(s, fail(t), policy);
      if (e) evolve(s, e);
    }
    expect(decideOnSuccess(s, 'a', 'g', 1_000, 'r1')).toBeNull(); // still cooling (no traffic should come)
    const r = decideOnSuccess(s, 'a', 'g', 6_000, 'r1')!;
    expect(r.type).toBe('deployment_recovered');
    evolve(s, r);
    expect(decideOnSuccess(s, 'a', 'g', 6_001, 'r1')).toBeNull();
    expect(s.failures.has('a')).toBe(false);
  });

  it('applies another replica\'s cooldown and keeps the later of two', () => {
    const s = initialCooldownState();
    const at = (until: number) => ({ type: 'deployment_cooled_down' as const, data: { event_id: String(until), deployment_id: 'a', group: 'g', reason: 'server', failures: 3, until: new Date(until).toISOString(), occurred_at: new Date(0).toISOString(), cooled_by: 'r2' } });
    evolve(s, at(9_000));
    evolve(s, at(4_000));
    expect(coolingUntil(s, 'a', 0)).toBe(9_000);
  });
});
