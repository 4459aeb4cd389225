import { headers as natsHeaders, type Msg } from '@nats-io/transport-node';
import pino from 'pino';
import { Writable } from 'node:stream';
import { GatehouseError } from '@gatehouse/contracts';
import { PinoNestLogger } from '@gatehouse/telemetry';
import { Hdr } from './headers';
import { respondError } from './rpc-server';

function message(withContext: boolean): Msg & { replies: unknown[] } {
  const h = natsHeaders();
  if (withContext) {
    h.set(Hdr.requestId, 'req_abc');
    h.set(Hdr.traceparent, '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01');
  }
  const replies: unknown[] = [];
  return { subject: 'gh.rpc.x.y.v1', headers: h, replies, respond: (data: unknown) => (replies.push(data), true) } as unknown as Msg & { replies: unknown[] };
}

describe('respondError', () => {
  it('logs an internal error as one JSON line with the caller’s request and trace ids, and answers the caller', () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(JSON.parse(String(chunk))), done()) });
    const log = new PinoNestLogger(pino({ base: null }, sink));
    const msg = message(true);
    respondError(msg, new Error('db exploded'), log);
    expect(msg.replies).toHaveLength(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ msg: 'internal_error: Internal error', code: 'internal_error', subject: 'gh.rpc.x.y.v1', request_id: 'req_abc', trace_id: '4bf92f3577b34da6a3ce929d0e0e4736', cause: 'db exploded' });
  });

  it('does not log a caller’s mistake, and logs without ids when the caller sent none', () => {
    const logged: unknown[] = [];
    const log = { error: (line: unknown) => logged.push(line) };
    respondError(message(true), new GatehouseError('invalid_request', 'bad'), log);
    expect(logged).toEqual([]);
    respondError(message(false), new Error('boom'), log);
    expect(logged).toEqual([expect.objectContaining({ code: 'internal_error', request_id: undefined, trace_id: undefined })]);
  });
});
