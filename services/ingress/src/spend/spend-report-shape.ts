import type { SpendGroupBy, SpendReportRow } from '@gatehouse/contracts';

/** LiteLLM's list names and entry field per grouping (`teams: [{ team_name, total_spend, metadata }]`). */
const SHAPE: Record<SpendGroupBy, { list: string; name: string }> = {
  team: { list: 'teams', name: 'team_name' },
  key: { list: 'api_keys', name: 'api_key' },
  model: { list: 'models', name: 'model' },
  provider: { list: 'providers', name: 'provider' },
  tag: { list: 'tags', name: 'tag' },
  project: { list: 'projects', name: 'project' },
};

const SCALE = 10;
/** Pure: a decimal string as an integer of 1e-10 units, so sums stay exact. */
export function decimalUnits(s: string): bigint {
  const neg = s.startsWith('-');
  const [whole, frac = ''] = (neg ? s.slice(1) : s).split('.');
  const units = BigInt(whole || '0') * 10n ** BigInt(SCALE) + BigInt((frac + '0'.repeat(SCALE)).slice(0, SCALE) || '0');
  return neg ? -units : units;
}
export function unitsToDecimal(u: bigint): string {
  const neg = u < 0n;
  const s = (neg ? -u : u).toString().padStart(SCALE + 1, '0');
  return `${neg ? '-' : ''}${s.slice(0, -SCALE)}.${s.slice(-SCALE)}`;
}

interface Entry {
  units: bigint;
  requests: number;
  tokens: number;
  /** Cache hits and the spend they deflected, where the ledger reports them (not per tag). */
  cache: { hits: number; saved: bigint } | null;
  metadata: { model: string; spend: number; total_tokens: number; requests: number }[];
}

/** Pure: ledger rows → LiteLLM's `/global/spend/report` shape, one element per day, groups by spend descending. */
export function toLitellmReport(rows: readonly SpendReportRow[], groupBy: SpendGroupBy): Record<string, unknown>[] {
  const { list, name } = SHAPE[groupBy];
  const days = new Map<string, Map<string, Entry>>();
  for (const r of rows) {
    const groups = days.get(r.day) ?? new Map<string, Entry>();
    days.set(r.day, groups);
    const e = groups.get(r.group) ?? { units: 0n, requests: 0, tokens: 0, cache: null, metadata: [] };
    groups.set(r.group, e);
    e.units += decimalUnits(r.spend_usd);
    e.requests += r.requests;
    e.tokens += r.total_tokens;
    if (r.cache_hits != null && r.cache_saved_usd != null) {
      e.cache ??= { hits: 0, saved: 0n };
      e.cache.hits += r.cache_hits;
      e.cache.saved += decimalUnits(r.cache_saved_usd);
    }
    if (r.model !== null) e.metadata.push({ model: r.model, spend: Number(r.spend_usd), total_tokens: r.total_tokens, requests: r.requests });
  }
  return [...days.entries()].map(([day, groups]) => ({
    group_by_day: `${day}T00:00:00+00:00`,
    [list]: [...groups.entries()]
      .sort((a, b) => (a[1].units === b[1].units ? a[0].localeCompare(b[0]) : a[1].units > b[1].units ? -1 : 1))
      .map(([group, e]) => ({
        [name]: group === '' ? null : group,
        total_spend: Number(unitsToDecimal(e.units)),
        total_requests: e.requests,
        total_tokens: e.tokens,
        ...(e.cache ? { total_cache_hits: e.cache.hits, total_saved_cache_cost: Number(unitsToDecimal(e.cache.saved)) } : {}),
        metadata: e.metadata,
      })),
  }));
}

export const CSV_HEADER = 'day,group_by,group,model,requests,failed_requests,prompt_tokens,completion_tokens,total_tokens,spend_usd,cache_hits,cache_saved_usd';

/**
 * Pure: one CSV field (RFC 4180 quoting). A value a spreadsheet would run as a formula (tags and
 * ids are caller-chosen) is prefixed with a quote.
 */
export function csvField(v: string | number | null): string {
  if (v === null) return '';
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Pure: the chargeback CSV: one line per day × group (× model), exact decimal spend. */
export function toCsv(rows: readonly SpendReportRow[], groupBy: SpendGroupBy): string {
  const lines = rows.map((r) =>
    [r.day, groupBy, r.group, r.model, r.requests, r.failed_requests, r.prompt_tokens, r.completion_tokens, r.total_tokens, r.spend_usd, r.cache_hits ?? null, r.cache_saved_usd ?? null].map(csvField).join(','),
  );
  return `${[CSV_HEADER, ...lines].join('\r\n')}\r\n`;
}
