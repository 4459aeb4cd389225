/**
 * Where a process's event-loop stalls come from: a preload for the quota bench (docs/adr/0005,
 * "Profiled"). A 1 ms timer notes every gap over 5 ms with the process's CPU time across it, and
 * V8's GC entries are kept; at exit each stall is put down to a GC (one overlapped it), to JS
 * running (the process used the CPU through the gap) or to being off the CPU (not scheduled), and
 * the summary is written to bench/out/stalls/<pid>.json. Every node process of the run loads it
 * (`quota-stalls-preload.ts`):
 *
 *   npm run build && NODE_OPTIONS="--require ./dist/bench/src/quota-stalls-preload.js" node dist/bench/src/quota.js
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { constants, PerformanceObserver } from 'node:perf_hooks';

export interface Stall {
  start: number;
  end: number;
  /** CPU ms the process used between the two ticks (all its threads). */
  cpuMs: number;
}
export interface GcPause {
  start: number;
  end: number;
  kind: 'minor' | 'major' | 'incremental' | 'weak';
}
export type StallCause = 'gc' | 'js' | 'off-cpu' | 'mixed';

/** Pure: what a stall is put down to. A GC inside it wins; else how much of it the process spent on the CPU. */
export function causeOf(s: Stall, gcs: readonly GcPause[]): StallCause {
  if (gcs.some((g) => g.start < s.end && g.end > s.start)) return 'gc';
  const onCpu = s.cpuMs / (s.end - s.start);
  return onCpu >= 0.7 ? 'js' : onCpu <= 0.4 ? 'off-cpu' : 'mixed';
}

/** Pure: counts and milliseconds per cause, GC totals, and the longest stalls. */
export function summarizeStalls(stalls: readonly Stall[], gcs: readonly GcPause[]) {
  const byCause: Record<StallCause, { n: number; ms: number }> = { gc: { n: 0, ms: 0 }, js: { n: 0, ms: 0 }, 'off-cpu': { n: 0, ms: 0 }, mixed: { n: 0, ms: 0 } };
  const longest = stalls.map((s) => ({ ms: Math.round((s.end - s.start) * 10) / 10, cause: causeOf(s, gcs) })).sort((a, b) => b.ms - a.ms);
  for (const s of longest) {
    byCause[s.cause].n++;
    byCause[s.cause].ms += s.ms;
  }
  const gc: Record<GcPause['kind'], { n: number; ms: number; maxMs: number }> = {
    minor: { n: 0, ms: 0, maxMs: 0 }, major: { n: 0, ms: 0, maxMs: 0 }, incremental: { n: 0, ms: 0, maxMs: 0 }, weak: { n: 0, ms: 0, maxMs: 0 },
  };
  for (const g of gcs) {
    const d = g.end - g.start;
    gc[g.kind].n++;
    gc[g.kind].ms += d;
    gc[g.kind].maxMs = Math.max(gc[g.kind].maxMs, d);
  }
  return { stalls: stalls.length, byCause, gc, longest: longest.slice(0, 20) };
}

const KINDS: Record<number, GcPause['kind']> = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
};

/** Starts recording in this process; the summary is written when it exits. */
export function recordStalls(): void {
  const stalls: Stall[] = [];
  const gcs: GcPause[] = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      gcs.push({ start: e.startTime, end: e.startTime + e.duration, kind: KINDS[(e as { detail?: { kind: number } }).detail?.kind ?? -1] ?? 'weak' });
    }
  }).observe({ entryTypes: ['gc'] });
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  setInterval(() => {
    const now = performance.now();
    const cpu = process.cpuUsage();
    if (now - last > 5) stalls.push({ start: last, end: now, cpuMs: (cpu.user + cpu.system - lastCpu.user - lastCpu.system) / 1000 });
    last = now;
    lastCpu = cpu;
  }, 1).unref();
  process.once('exit', () => {
    const dir = resolve(__dirname, '../../../bench/out/stalls');
    mkdirSync(dir, { recursive: true });
    const summary = { pid: process.pid, script: process.argv[1], uptimeS: Math.round(process.uptime()), ...summarizeStalls(stalls, gcs) };
    writeFileSync(join(dir, `${process.pid}.json`), `${JSON.stringify(summary, null, 2)}\n`);
  });
}
