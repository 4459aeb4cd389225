import type { NatsConnection } from '@nats-io/transport-node';
import type { Command } from './args';
import type { Output } from './output';
import { readRequestEvents } from './read-events';
import { csvHeader, replayStep, Step, toCsvRow, toJsonLine } from './records';

type Tail = Extract<Command, { kind: 'audit-tail' }>;
type Replay = Extract<Command, { kind: 'audit-replay' }>;

/** `audit tail`: the last N request events, then (with --follow) each new one as it is stored. */
export async function auditTail(nc: NatsConnection, cmd: Tail, out: Output, signal?: AbortSignal): Promise<void> {
  const events = readRequestEvents(nc, { from: { lastN: cmd.n }, follow: cmd.follow, signal, onUndecodable: out.undecodable });
  for await (const r of events) {
    if (r.subject.startsWith('gh.evt.request.')) await out.write(toJsonLine(r));
  }
}

/** `audit replay`: request events from --since to --until (or the end of the stream), filtered. */
export async function auditReplay(nc: NatsConnection, cmd: Replay, out: Output, signal?: AbortSignal): Promise<void> {
  if (cmd.format === 'csv') await out.write(csvHeader());
  const events = readRequestEvents(nc, { from: { since: cmd.since }, follow: false, signal, onUndecodable: out.undecodable });
  for await (const r of events) {
    const step = replayStep(r, cmd);
    if (step === Step.stop) break;
    if (step === Step.emit) await out.write(cmd.format === 'csv' ? toCsvRow(r) : toJsonLine(r));
  }
}
