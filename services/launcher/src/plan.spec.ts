import { buildPlan, httpPortFrom, PlanError, replicasFrom, SERVICES } from './plan';

const shared = { natsUrl: 'nats://127.0.0.1:4223', databaseUrl: 'postgres://h/db', configPath: '/c/gateway.yaml', logLevel: 'info' };

describe('replicasFrom', () => {
  it('defaults every service to one replica', () => {
    expect(replicasFrom({})).toEqual(Object.fromEntries(SERVICES.map((s) => [s, 1])));
  });
  it('reads GATEHOUSE_REPLICAS_<NAME>, 0 included', () => {
    const r = replicasFrom({ GATEHOUSE_REPLICAS_QUOTA: '3', GATEHOUSE_REPLICAS_CACHE: '0' });
    expect(r.quota).toBe(3);
    expect(r.cache).toBe(0);
  });
  it('names every bad value at once', () => {
    expect(() => replicasFrom({ GATEHOUSE_REPLICAS_QUOTA: 'two', GATEHOUSE_REPLICAS_ROUTER: '99' })).toThrow(
      /GATEHOUSE_REPLICAS_QUOTA=two[\s\S]*GATEHOUSE_REPLICAS_ROUTER=99/,
    );
  });
});

describe('httpPortFrom', () => {
  it('defaults to 4000 and rejects nonsense', () => {
    expect(httpPortFrom({})).toBe(4000);
    expect(httpPortFrom({ PORT: '8080' })).toBe(8080);
    expect(() => httpPortFrom({ PORT: '70000' })).toThrow(PlanError);
  });
});

describe('buildPlan', () => {
  const replicas = { ...replicasFrom({}), quota: 2, ingress: 2 };
  const plan = buildPlan('/dist', shared, replicas, 4000);

  it('starts ingress last', () => {
    const services = plan.map((p) => p.service);
    expect(services.slice(-2)).toEqual(['ingress', 'ingress']);
    expect(services.indexOf('ingress')).toBeGreaterThan(services.lastIndexOf('ledger'));
  });
  it('labels replicas and points at the built main files', () => {
    expect(plan.filter((p) => p.service === 'quota').map((p) => p.label)).toEqual(['quota#0', 'quota#1']);
    expect(plan[0]!.script).toBe('/dist/services/identity/src/main.js');
  });
  it('gives every process the shared env and only ingress a PORT, the same one for every replica', () => {
    for (const p of plan) {
      expect(p.env).toMatchObject({ NATS_URL: shared.natsUrl, DATABASE_URL: shared.databaseUrl, GATEHOUSE_CONFIG: shared.configPath, LOG_LEVEL: 'info' });
    }
    expect(plan.filter((p) => p.env.PORT).map((p) => [p.label, p.env.PORT])).toEqual([
      ['ingress#0', '4000'],
      ['ingress#1', '4000'],
    ]);
  });
  it('runs ingress replicas as cluster workers (they share the port) and the rest as plain forks', () => {
    expect(plan.filter((p) => p.clusterWorker).map((p) => p.label)).toEqual(['ingress#0', 'ingress#1']);
  });
});

describe('metrics ports', () => {
  it('gives every process its own port from GATEHOUSE_METRICS_PORT_BASE, and none without it', () => {
    const shared = { natsUrl: 'nats://n', databaseUrl: 'postgres://d', configPath: '/c.yaml', logLevel: 'info' };
    const replicas = { identity: 1, quota: 2, guard: 1, cache: 1, router: 1, ledger: 1, ingress: 1 };
    const ports = buildPlan('/dist', shared, replicas, 4000, 9500).map((p) => p.env.METRICS_PORT);
    expect(ports).toEqual(['9500', '9501', '9502', '9503', '9504', '9505', '9506', '9507']);
    expect(buildPlan('/dist', shared, replicas, 4000).every((p) => p.env.METRICS_PORT === undefined)).toBe(true);
  });
});
