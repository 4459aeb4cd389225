import { ProviderError } from '../types';
import { errorFromResponse, errorFromTransport, kindForStatus, parseRetryAfter, upstreamError } from './errors';

const ctx = { label: 'openai/gpt-4o', apiKey: 'plain-key-without-prefix-42' };

describe('kindForStatus', () => {
  it.each([
    [429, 'rate_limited'], [500, 'server'], [502, 'server'], [503, 'server'], [504, 'server'],
    [400, 'bad_request'], [404, 'bad_request'], [422, 'bad_request'], [401, 'auth'], [403, 'auth'], [408, 'timeout'],
  ])('%i → %s', (status, kind) => expect(kindForStatus(status)).toBe(kind));
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it.each([
    [{ 'retry-after': '7' }, 7],
    [{ 'retry-after': '1.5' }, 1.5],
    [{ 'retry-after-ms': '250', 'retry-after': '9' }, 0.25],
    [{ 'retry-after': 'Thu, 01 Jan 2026 00:00:30 GMT' }, 30],
    [{ 'retry-after': 'Wed, 31 Dec 2025 23:00:00 GMT' }, 0],
    [{ 'retry-after': 'soon' }, null],
    [{}, null],
  ])('%j → %p', (headers, seconds) => expect(parseRetryAfter(headers, now)).toBe(seconds));
});

describe('upstreamError', () => {
  it.each([
    ['{"error":{"message":"Rate limit","type":"requests","code":"rate_limit_exceeded"}}', 'Rate limit', 'rate_limit_exceeded'],
    ['{"error":"model \\"x\\" not found"}', 'model "x" not found', null],
    ['{"object":"error","message":"max_tokens too large","type":"BadRequestError","code":400}', 'max_tokens too large', null],
    ['<html>502 Bad Gateway</html>', '<html>502 Bad Gateway</html>', null],
  ])('%s', (body, message, code) => expect(upstreamError(body)).toEqual({ message, code }));
});

describe('errorFromResponse', () => {
  it('429 keeps status, message and retry-after', () => {
    const err = errorFromResponse(429, { 'retry-after': '3' }, '{"error":{"message":"slow down"}}', ctx);
    expect(err).toMatchObject({ kind: 'rate_limited', status: 429, retryAfterS: 3, retryable: true });
    expect(err.message).toBe('openai/gpt-4o answered 429: slow down');
  });

  it('maps OpenAI error codes that say more than the status', () => {
    expect(errorFromResponse(400, {}, '{"error":{"message":"too long","code":"context_length_exceeded"}}', ctx).kind).toBe('context_window');
    expect(errorFromResponse(400, {}, '{"error":{"message":"no","code":"content_filter"}}', ctx).kind).toBe('content_filter');
    expect(errorFromResponse(400, {}, '{"error":{"message":"bad"}}', ctx)).toMatchObject({ kind: 'bad_request', retryable: false });
  });

  it('never carries the deployment key or any credential-shaped text', () => {
    const body = `{"error":{"message":"Incorrect API key provided: ${ctx.apiKey}; also saw sk-proj-abcdefghijklmnop and Bearer abc.def.ghi123"}}`;
    const err = errorFromResponse(401, {}, body, ctx);
    expect(err.kind).toBe('auth');
    expect(err.message).not.toContain(ctx.apiKey);
    expect(err.message).not.toContain('sk-proj-abcdefghijklmnop');
    expect(err.message).not.toContain('abc.def.ghi123');
    expect(err.message).toContain('Incorrect API key provided');
  });

  it('an empty body still says what happened', () => {
    expect(errorFromResponse(503, {}, '', ctx).message).toBe('openai/gpt-4o answered 503: (no message)');
  });
});

describe('errorFromTransport', () => {
  const coded = (code: string, message = 'x') => Object.assign(new Error(message), { code });
  it.each([
    ['refused', coded('ECONNREFUSED', `connect ECONNREFUSED`), 'request', 'connect'],
    ['DNS', coded('ENOTFOUND'), 'request', 'connect'],
    ['socket closed early', coded('UND_ERR_SOCKET', 'other side closed'), 'request', 'connect'],
    ['socket closed mid-body', coded('UND_ERR_SOCKET', 'other side closed'), 'body', 'stream_cut'],
    ['headers timeout', coded('UND_ERR_HEADERS_TIMEOUT'), 'request', 'timeout'],
    ['nested cause', Object.assign(new Error('fetch failed'), { cause: coded('ECONNRESET') }), 'request', 'connect'],
  ] as const)('%s → %s', (_name, err, phase, kind) => {
    const out = errorFromTransport(err, phase, ctx);
    expect(out).toBeInstanceOf(ProviderError);
    expect(out.kind).toBe(kind);
    expect(out.cause).toBe(err);
  });

  it('passes a ProviderError through and scrubs others', () => {
    const original = new ProviderError('server', 'x');
    expect(errorFromTransport(original, 'body', ctx)).toBe(original);
    expect(errorFromTransport(new Error(`bad ${ctx.apiKey}`), 'request', ctx).message).not.toContain(ctx.apiKey);
  });
});
