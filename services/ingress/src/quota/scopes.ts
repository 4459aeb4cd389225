import type { BudgetDuration, Principal, QuotaScope, ScopeLimits } from '@gatehouse/contracts';
import type { GatewayConfig, LitellmConfig } from '@gatehouse/config';

type Settings = LitellmConfig['gatehouse']['quota'];
type LimitSettings = Settings['models'][string];

const DURATIONS = new Set(['1h', '1d', '7d', '30d', 'monthly']);

/**
 * Pure: the scopes a request counts against, with their limits: the key (principal, or the
 * config key of that id), its team (principal budget fields, else `gatehouse.quota.teams`), the
 * team's end user when the team sets `end_user` limits, the key's project
 * (`gatehouse.quota.projects.<principal.project>`, shared across teams) and the model group
 * (`gatehouse.quota.models`). The key is always asked (its parallel count, and so that a quota
 * outage meets the team's fail-open/closed policy); other scopes without any limit are left out.
 */
export function scopesFor(config: GatewayConfig, p: Principal, model: string, endUser: string | null): QuotaScope[] {
  const q = config.gatehouse.quota;
  const keyCfg = config.gatehouse.keys.find((k) => k.key_id !== undefined && k.key_id === p.key_id);
  const team = p.team_id ? q.teams[p.team_id] : undefined;
  const out: QuotaScope[] = [];
  const add = (id: string, kind: QuotaScope['kind'], label: string, limits: ScopeLimits, always = false) => {
    if (always || Object.values(limits).some((v) => v !== null && !DURATIONS.has(String(v)))) out.push({ id, kind, label, limits });
  };
  add(`key:${p.key_id}`, 'key', `key ${p.key_alias ?? p.key_id}`, {
    rpm: p.rpm_limit,
    tpm: p.tpm_limit,
    max_parallel: p.max_parallel_requests,
    max_budget_usd: p.max_budget ?? keyCfg?.max_budget ?? null,
    budget_duration: duration(p.budget_duration ?? keyCfg?.budget_duration),
  }, true);
  if (p.team_id) {
    const l = limitsOf(team);
    add(`team:${p.team_id}`, 'team', `team ${p.team_id}`, {
      ...l,
      max_budget_usd: p.team_max_budget ?? l.max_budget_usd,
      budget_duration: duration(p.team_budget_duration) ?? l.budget_duration,
    });
    if (endUser && team?.end_user) add(`user:${p.team_id}:${endUser}`, 'user', `end user ${endUser} of team ${p.team_id}`, limitsOf(team.end_user));
  }
  const project = p.project ? q.projects[p.project] : undefined;
  if (project) add(`project:${p.project}`, 'project', `project ${p.project}`, limitsOf(project));
  const m = q.models[model];
  if (m) add(`model:${model}`, 'model', `model ${model}`, limitsOf(m));
  return out;
}

/** The team's quota policy when quota cannot answer: admit unmetered (true) or 503 (false). */
export function failsOpen(config: GatewayConfig, teamId: string | null): boolean {
  const q = config.gatehouse.quota;
  return (teamId ? q.teams[teamId]?.fail_open : undefined) ?? q.fail_open;
}

function limitsOf(s: LimitSettings | undefined): ScopeLimits {
  return {
    rpm: s?.rpm_limit ?? null,
    tpm: s?.tpm_limit ?? null,
    max_parallel: s?.max_parallel_requests ?? null,
    max_budget_usd: s?.max_budget ?? null,
    budget_duration: s?.budget_duration ?? null,
  };
}

function duration(v: string | null | undefined): BudgetDuration | null {
  return v && DURATIONS.has(v) ? (v as BudgetDuration) : null;
}
