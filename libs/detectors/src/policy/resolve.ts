import { DEFAULT_ACTIONS, DEFAULT_OUTBOUND_ACTIONS, type GuardActionName, type GuardPolicyOverride, type GuardSettings } from './settings';

/** The policy that applies to one request, after team and key overrides. */
export interface GuardPolicy {
  enabled: boolean;
  actions: Readonly<Record<string, GuardActionName>>;
  minScore: number;
  onFailure: 'open' | 'closed';
  timeoutMs: number;
  outbound: { enabled: boolean; actions: Readonly<Record<string, GuardActionName>> };
  scorers: readonly ('model' | 'http')[];
}

export interface PolicySubject {
  team_id: string | null;
  key_id: string;
  key_alias: string | null;
}

/** Pure: defaults ← `gatehouse.guard` ← the team's override ← the key's (by alias, then id). */
export function resolvePolicy(s: GuardSettings, who: PolicySubject | null, defaultTimeoutMs: number): GuardPolicy {
  const configured = (['model', 'http'] as const).filter((k) => s.scorers[k] !== undefined);
  let p: GuardPolicy = {
    enabled: s.enabled,
    actions: { ...DEFAULT_ACTIONS, ...s.actions },
    minScore: s.min_score,
    onFailure: s.on_failure,
    timeoutMs: s.timeout_ms ?? defaultTimeoutMs,
    outbound: { enabled: s.outbound.enabled, actions: { ...DEFAULT_OUTBOUND_ACTIONS, ...s.outbound.actions } },
    scorers: configured,
  };
  const overrides = [
    who?.team_id ? s.teams[who.team_id] : undefined,
    who?.key_alias ? s.keys[who.key_alias] : undefined,
    who ? s.keys[who.key_id] : undefined,
  ];
  for (const o of overrides) if (o) p = apply(p, o, configured);
  return p;
}

function apply(p: GuardPolicy, o: GuardPolicyOverride, configured: readonly ('model' | 'http')[]): GuardPolicy {
  return {
    enabled: p.enabled,
    actions: { ...p.actions, ...o.actions },
    minScore: o.min_score ?? p.minScore,
    onFailure: o.on_failure ?? p.onFailure,
    timeoutMs: o.timeout_ms ?? p.timeoutMs,
    outbound: { enabled: o.outbound?.enabled ?? p.outbound.enabled, actions: { ...p.outbound.actions, ...o.outbound?.actions } },
    scorers: o.scorers ? o.scorers.filter((x) => configured.includes(x)) : p.scorers,
  };
}

/** Pure: the action for a detector: its exact name, then `family.*`, then `*`, else `flag`. */
export function actionFor(actions: Readonly<Record<string, GuardActionName>>, detector: string): GuardActionName {
  const exact = actions[detector];
  if (exact) return exact;
  const dot = detector.indexOf('.');
  const family = dot > 0 ? actions[`${detector.slice(0, dot)}.*`] : undefined;
  return family ?? actions['*'] ?? 'flag';
}
