import { RequestCompletedV1, RequestFailedV1 } from '@gatehouse/contracts';
import { csvCell, csvHeader, type EventRecord, replayStep, Step, toCsvRow, toJsonLine } from './records';

const time = new Date('2026-11-22T10:00:01.000Z');
const completed: EventRecord = { seq: 3, time, subject: RequestCompletedV1.subject, event: RequestCompletedV1.example };
const failed: EventRecord = { seq: 4, time, subject: RequestFailedV1.subject, event: RequestFailedV1.example };
const all = { until: null, team: null, requestId: null };

describe('replayStep', () => {
  it('emits request events that pass the filters and skips the rest', () => {
    expect(replayStep(completed, all)).toBe(Step.emit);
    expect(replayStep(completed, { ...all, team: 'team_demo', requestId: 'req_01' })).toBe(Step.emit);
    expect(replayStep(completed, { ...all, team: 'team_other' })).toBe(Step.skip);
    expect(replayStep(completed, { ...all, requestId: 'req_02' })).toBe(Step.skip);
    expect(replayStep({ ...completed, event: { ...RequestCompletedV1.example, team_id: null } }, { ...all, team: 'team_demo' })).toBe(Step.skip);
    expect(replayStep({ ...completed, subject: 'gh.evt.spend.settled.v1' }, all)).toBe(Step.skip);
    expect(replayStep({ ...completed, event: 'not an object' }, { ...all, team: 't' })).toBe(Step.skip);
  });

  it('stops at the first event stored after --until', () => {
    expect(replayStep(completed, { ...all, until: new Date('2026-11-22T10:00:01.000Z') })).toBe(Step.emit);
    expect(replayStep(completed, { ...all, until: new Date('2026-11-22T10:00:00.999Z') })).toBe(Step.stop);
  });
});

describe('output formats', () => {
  it('writes one JSON object per line with the stream position', () => {
    const line = toJsonLine(completed);
    expect(line.endsWith('\n')).toBe(true);
    expect(line.trimEnd().includes('\n')).toBe(false);
    expect(JSON.parse(line)).toEqual({ seq: 3, time: '2026-11-22T10:00:01.000Z', subject: RequestCompletedV1.subject, event: RequestCompletedV1.example });
  });

  it('writes CSV rows that line up with the header', () => {
    const header = csvHeader().trimEnd().split(',');
    expect(header.slice(0, 6)).toEqual(['seq', 'time', 'event_type', 'request_id', 'occurred_at', 'trace_id']);
    const row = toCsvRow({ ...failed, event: { ...RequestFailedV1.example, tags: ['a', 'b'] } }).trimEnd().split(',');
    expect(row).toHaveLength(header.length);
    const cell = (name: string) => row[header.indexOf(name)];
    expect(cell('event_type')).toBe('request.failed.v1');
    expect(cell('provider')).toBe('openai');
    expect(cell('http_status')).toBe('429');
    expect(cell('cost_usd')).toBe('0.0000198');
    expect(cell('error_code')).toBe('rate_limit_exceeded');
    expect(cell('user_id')).toBe('');
    expect(cell('tags')).toBe('a;b');
  });

  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    [' padded', '" padded"'],
    [1.98e-7, '0.000000198'],
    [42, '42'],
    [false, 'false'],
    [null, ''],
    [{ a: 1 }, '"{""a"":1}"'],
  ])('csvCell(%j) = %s', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });
});
