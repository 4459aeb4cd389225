import type { Deployment } from '@gatehouse/config';
import { pickDeployment } from './pick-deployment';

const dep = (id: string, weight = 1) => ({ id, weight }) as Deployment;

describe('pickDeployment', () => {
  it('skips deployments already tried and returns null when none is left', () => {
    const g = [dep('a'), dep('b')];
    expect(pickDeployment(g, new Set(['a']))?.id).toBe('b');
    expect(pickDeployment(g, new Set(['a', 'b']))).toBeNull();
  });

  it('honours weights', () => {
    const g = [dep('a', 1), dep('b', 3)];
    expect(pickDeployment(g, new Set(), () => 0.2)?.id).toBe('a'); // 0.8 of 4 falls in a's share
    expect(pickDeployment(g, new Set(), () => 0.3)?.id).toBe('b');
  });

  it('holds weights within tolerance over many picks', () => {
    const g = [dep('a', 1), dep('b', 3)];
    let b = 0;
    for (let i = 0; i < 4000; i++) if (pickDeployment(g, new Set())?.id === 'b') b++;
    expect(b / 4000).toBeGreaterThan(0.7);
    expect(b / 4000).toBeLessThan(0.8);
  });

  it('never picks a deployment of weight 0', () => {
    expect(pickDeployment([dep('a', 0), dep('b', 1)], new Set(), () => 0)?.id).toBe('b');
  });
});
