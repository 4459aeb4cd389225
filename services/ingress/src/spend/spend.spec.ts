import { GatehouseError, type Principal, type SpendReportRow } from '@gatehouse/contracts';
import { mayReadContent, spendScope } from './spend-access';
import { assertKeyId, boundToInstant, BudgetUsageQuery, reportDays, usageAt, usageScopeId } from './spend-query';
import { csvField, decimalUnits, toCsv, toLitellmReport, unitsToDecimal } from './spend-report-shape';

const principal = (role: string, team_id: string | null = 'team-a') =>
  ({ key_id: 'k', key_alias: null, team_id, user_id: null, role, models: ['*'], rpm_limit: null, tpm_limit: null, max_parallel_requests: null, metadata: {} }) as unknown as Principal;

describe('spendScope', () => {
  it.each([
    ['proxy_admin', 'team-a', { team_id: null }],
    ['viewer', 'team-a', { team_id: null }],
    ['team_admin', 'team-a', { team_id: 'team-a' }],
  ])('%s of %s reads %j', (role, team, scope) => expect(spendScope(principal(role, team))).toEqual(scope));

  it.each([['internal_user', 'team-a'], ['team_admin', null], ['some_future_role', 'team-a']])('%s (team %s) is refused', (role, team) => {
    expect(() => spendScope(principal(role, team))).toThrow(GatehouseError);
  });

  it('lets only proxy admins read content', () => {
    expect([mayReadContent(principal('proxy_admin')), mayReadContent(principal('viewer')), mayReadContent(principal('team_admin'))]).toEqual([true, false, false]);
  });
});

describe('dates and keys', () => {
  it.each([
    ['2026-11-22', 'start', '2026-11-22T00:00:00.000Z'],
    ['2026-11-22', 'end', '2026-11-23T00:00:00.000Z'],
    ['2026-11-22T10:30:00Z', 'end', '2026-11-22T10:30:00.000Z'],
  ] as const)('%s as %s → %s', (v, kind, out) => expect(boundToInstant(v, kind)).toBe(out));

  it('defaults the report to the 30 days up to today and rejects an inverted range', () => {
    expect(reportDays(undefined, undefined, new Date('2026-11-30T12:00:00Z'))).toEqual({ start_day: '2026-11-01', end_day: '2026-11-30' });
    expect(() => reportDays('2026-12-01', '2026-11-01', new Date())).toThrow(GatehouseError);
  });

  it('refuses a raw key where a key id belongs without echoing it', () => {
    expect(() => assertKeyId('sk-gh-secret')).toThrow(expect.objectContaining({ message: expect.not.stringContaining('sk-gh-secret') }));
    expect(() => assertKeyId('key_123')).not.toThrow();
  });
});

const row = (over: Partial<SpendReportRow>): SpendReportRow => ({
  day: '2026-11-22', group: 'team-a', model: 'm1', requests: 1, failed_requests: 0, prompt_tokens: 1, completion_tokens: 1, total_tokens: 2, spend_usd: '0.1000000000', ...over,
});

describe('report shaping', () => {
  it.each([['0.1000000000', 1000000000n], ['12.5', 125000000000n], ['-0.0000000001', -1n], ['0', 0n]])('decimal %s = %s units', (s, u) => {
    expect(decimalUnits(s)).toBe(u);
  });
  it('adds exactly', () => expect(unitsToDecimal(decimalUnits('0.1') + decimalUnits('0.2'))).toBe('0.3000000000'));

  it('groups per day in LiteLLM shape, biggest spender first, with a per-model breakdown', () => {
    const rows = [row({}), row({ model: 'm2', spend_usd: '0.2000000000' }), row({ group: 'team-b', spend_usd: '0.5000000000' }), row({ day: '2026-11-23', group: '' })];
    expect(toLitellmReport(rows, 'team')).toEqual([
      {
        group_by_day: '2026-11-22T00:00:00+00:00',
        teams: [
          { team_name: 'team-b', total_spend: 0.5, total_requests: 1, total_tokens: 2, metadata: [{ model: 'm1', spend: 0.5, total_tokens: 2, requests: 1 }] },
          { team_name: 'team-a', total_spend: 0.3, total_requests: 2, total_tokens: 4, metadata: [{ model: 'm1', spend: 0.1, total_tokens: 2, requests: 1 }, { model: 'm2', spend: 0.2, total_tokens: 2, requests: 1 }] },
        ],
      },
      { group_by_day: '2026-11-23T00:00:00+00:00', teams: [{ team_name: null, total_spend: 0.1, total_requests: 1, total_tokens: 2, metadata: [{ model: 'm1', spend: 0.1, total_tokens: 2, requests: 1 }] }] },
    ]);
    expect(toLitellmReport([row({ group: 'eu', model: null })], 'tag')[0]).toEqual({
      group_by_day: '2026-11-22T00:00:00+00:00', tags: [{ tag: 'eu', total_spend: 0.1, total_requests: 1, total_tokens: 2, metadata: [] }],
    });
  });

  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['=cmd()', "'=cmd()"],
    [null, ''],
    [42, '42'],
  ] as const)('csv field %j → %s', (v, out) => expect(csvField(v)).toBe(out));

  it('writes the chargeback CSV with exact decimals', () => {
    expect(toCsv([row({ failed_requests: null })], 'team')).toBe(
      'day,group_by,group,model,requests,failed_requests,prompt_tokens,completion_tokens,total_tokens,spend_usd,cache_hits,cache_saved_usd\r\n2026-11-22,team,team-a,m1,1,,1,1,2,0.1000000000,,\r\n',
    );
    expect(toCsv([row({ cache_hits: 2, cache_saved_usd: '0.0300000000' })], 'key').split('\r\n')[1]).toBe('2026-11-22,key,team-a,m1,1,0,1,1,2,0.1000000000,2,0.0300000000');
  });

  it('groups by project under LiteLLM-style names', () => {
    expect(toLitellmReport([row({ group: 'proj_x' })], 'project')[0]).toMatchObject({ projects: [{ project: 'proj_x', total_requests: 1 }] });
  });

  it('shows cache hits and the spend they deflected where the ledger reports them', () => {
    const rows = [row({ cache_hits: 1, cache_saved_usd: '0.1000000000' }), row({ model: 'm2', cache_hits: 2, cache_saved_usd: '0.2000000000' })];
    expect(toLitellmReport(rows, 'team')[0]!.teams).toEqual([expect.objectContaining({ team_name: 'team-a', total_cache_hits: 3, total_saved_cache_cost: 0.3 })]);
  });
});

describe('budget usage query', () => {
  const q = (o: Record<string, string>) => BudgetUsageQuery.parse(o);
  it('names one scope, by id or by LiteLLM-style shortcut, or none', () => {
    expect(usageScopeId(q({ team_id: 't' }))).toBe('team:t');
    expect(usageScopeId(q({ api_key: 'key_1' }))).toBe('key:key_1');
    expect(usageScopeId(q({ model: 'gpt' }))).toBe('model:gpt');
    expect(usageScopeId(q({ scope_id: 'user:t:u' }))).toBe('user:t:u');
    expect(usageScopeId(q({}))).toBeNull();
    expect(() => usageScopeId(q({ team_id: 't', model: 'gpt' }))).toThrow(GatehouseError);
    expect(q({}).budget_duration).toBe('monthly');
  });

  it('reads the instant of the period: a bare date is its UTC midnight; default now; nonsense is a 400', () => {
    const now = new Date('2026-11-22T10:00:00.000Z');
    expect(usageAt(undefined, now)).toBe('2026-11-22T10:00:00.000Z');
    expect(usageAt('2026-10-05', now)).toBe('2026-10-05T00:00:00.000Z');
    expect(usageAt('2026-10-05T12:30:00+02:00', now)).toBe('2026-10-05T10:30:00.000Z');
    expect(() => usageAt('2026-13-45', now)).toThrow(GatehouseError);
  });
});
