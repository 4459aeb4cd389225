import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { NatsConnection } from '@nats-io/transport-node';
import { type EventPayload, RequestCompletedV1, RequestFailedV1 } from '@gatehouse/contracts';
import { connectNats, ensureStreams, EventPublisher } from '@gatehouse/nats';
import { freePort, type NatsServerHandle, startNatsServer, waitFor } from '@gatehouse/testing';
import { runCli } from './cli';

type Completed = EventPayload<typeof RequestCompletedV1>;
const base = RequestCompletedV1.schema.parse(RequestCompletedV1.example);
const event = (id: string, team = 'team_a'): Completed => ({ ...base, request_id: id, team_id: team });
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

function capture() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (d: Buffer) => (text += d.toString()));
  return { stream, text: () => text, lines: () => text.split('\n').filter(Boolean) };
}

describe('gatehouse audit (real NATS)', () => {
  let nats: NatsServerHandle;
  let nc: NatsConnection;
  let publisher: EventPublisher;

  beforeEach(async () => {
    nats = await startNatsServer();
    nc = await connectNats({ url: nats.url, name: 'cli-test' });
    await ensureStreams(nc);
    publisher = new EventPublisher(nc);
  });

  afterEach(async () => {
    await nc.drain();
    await nats.stop();
  });

  async function run(...argv: string[]) {
    const out = capture();
    const err = capture();
    const code = await runCli([...argv, '--nats', nats.url], { stdout: out.stream, stderr: err.stream, env: {} });
    return { code, lines: out.lines(), text: out.text(), stderr: err.text() };
  }
  const ids = (lines: string[]) => lines.map((l) => (JSON.parse(l) as { event: Completed }).event.request_id);

  it('tails the last N events, oldest first', async () => {
    for (let i = 1; i <= 25; i++) await publisher.publish(RequestCompletedV1, event(`req_${i}`));
    const tail = await run('audit', 'tail');
    expect(tail.code).toBe(0);
    expect(ids(tail.lines)).toEqual(Array.from({ length: 20 }, (_, i) => `req_${i + 6}`));
    expect(JSON.parse(tail.lines[0]!)).toMatchObject({ seq: 6, subject: RequestCompletedV1.subject });
    expect(ids((await run('audit', 'tail', '-n', '3')).lines)).toEqual(['req_23', 'req_24', 'req_25']);
    expect(ids((await run('audit', 'tail', '-n', '100')).lines)).toHaveLength(25);
  });

  it('prints nothing for an empty stream, without waiting', async () => {
    const tail = await run('audit', 'tail');
    expect(tail).toMatchObject({ code: 0, text: '' });
  });

  it('follows new events until interrupted', async () => {
    await publisher.publish(RequestCompletedV1, event('req_old'));
    const out = capture();
    const stop = new AbortController();
    const running = runCli(['audit', 'tail', '-n', '1', '--follow', '--nats', nats.url], { stdout: out.stream, stderr: process.stderr, env: {}, signal: stop.signal });
    await waitFor(() => out.lines().length === 1, 'the existing event');
    await publisher.publish(RequestFailedV1, { ...event('req_new'), error: { code: 'timeout', message: 'upstream timed out' } });
    await waitFor(() => out.lines().length === 2, 'the new event');
    stop.abort();
    expect(await running).toBe(0);
    expect(out.lines().map((l) => JSON.parse(l) as { subject: string })[1]!.subject).toBe(RequestFailedV1.subject);
  });

  it('replays a time window with filters, as JSON lines or CSV, from the stream alone', async () => {
    const before = new Date();
    await publisher.publish(RequestCompletedV1, event('req_1', 'team_a'));
    await publisher.publish(RequestCompletedV1, event('req_2', 'team_b'));
    await pause(50);
    const middle = new Date();
    await pause(50);
    await publisher.publish(RequestCompletedV1, event('req_3', 'team_a'));
    await publisher.publish(RequestCompletedV1, event('req_4', 'team_b'));

    expect(ids((await run('audit', 'replay', '--since', before.toISOString())).lines)).toEqual(['req_1', 'req_2', 'req_3', 'req_4']);
    expect(ids((await run('audit', 'replay', '--since', '1h', '--until', middle.toISOString())).lines)).toEqual(['req_1', 'req_2']);
    expect(ids((await run('audit', 'replay', '--since', middle.toISOString())).lines)).toEqual(['req_3', 'req_4']);
    expect(ids((await run('audit', 'replay', '--since', '1h', '--team', 'team_b')).lines)).toEqual(['req_2', 'req_4']);
    expect(ids((await run('audit', 'replay', '--since', '1h', '--request-id', 'req_3')).lines)).toEqual(['req_3']);

    const csv = await run('audit', 'replay', '--since', '1h', '--team', 'team_a', '--format', 'csv');
    expect(csv.code).toBe(0);
    expect(csv.lines).toHaveLength(3);
    expect(csv.lines[0]).toMatch(/^seq,time,event_type,request_id,/);
    expect(csv.lines[1]).toMatch(/^1,[^,]+,request\.completed\.v1,req_1,/);
    expect(csv.lines[2]).toMatch(/^3,[^,]+,request\.completed\.v1,req_3,/);
  });

  it('ends at once when nothing was stored since --since', async () => {
    await publisher.publish(RequestCompletedV1, event('req_1'));
    await pause(20);
    // A replay that waited for new events would outlast the test's timeout.
    const replay = await run('audit', 'replay', '--since', new Date().toISOString());
    expect(replay).toMatchObject({ code: 0, text: '' });
  }, 3_000);

  it('says so when the stream does not exist', async () => {
    const other = await startNatsServer();
    try {
      const err = capture();
      const code = await runCli(['audit', 'tail', '--nats', other.url], { stdout: capture().stream, stderr: err.stream, env: {} });
      expect(code).toBe(1);
      expect(err.text()).toBe('gatehouse: stream GH_REQUEST does not exist on this NATS server (has the gateway run yet?)\n');
    } finally {
      await other.stop();
    }
  });
});

describe('bin/gatehouse.js (built)', () => {
  const bin = join(__dirname, '../../../bin/gatehouse.js');
  const exec = (args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, [bin, ...args], { env: { ...process.env, NATS_URL: '' } }, (err, stdout, stderr) =>
        resolve({ code: err ? Number(err.code) : 0, stdout, stderr }),
      );
    });

  beforeAll(() => {
    if (!existsSync(join(__dirname, '../../../dist/tools/cli/src/main.js'))) throw new Error('run `npm run build` first');
  });

  it('exits 2 with one line on bad arguments', async () => {
    const r = await exec(['audit', 'replay', '--since', 'last tuesday']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^gatehouse: --since: 'last tuesday' is neither/);
    expect(r.stderr).not.toMatch(/\bat .+:\d+:\d+/); // no stack
  });

  it('exits 1 with one line when NATS is unreachable, without echoing credentials', async () => {
    const port = await freePort();
    const r = await exec(['audit', 'tail', '--nats', `nats://admin:s3cret@127.0.0.1:${port}`]);
    expect(r.code).toBe(1);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`gatehouse: cannot reach NATS at nats://127.0.0.1:${port}`);
    expect(r.stderr).not.toContain('s3cret');
  });

  it('prints usage with --help', async () => {
    const r = await exec(['--help']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('gatehouse audit replay --since T');
  });
});
