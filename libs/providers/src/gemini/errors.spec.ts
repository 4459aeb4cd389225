import { googleErrorFromResponse, parseGoogleError } from './errors';

const ctx = { label: 'gemini/gemini-2.0-flash', apiKey: 'AIzaSy-errors-secret-key-7' };
const body = (code: number, status: string, message: string, details?: unknown[]) => JSON.stringify({ error: { code, message, status, ...(details ? { details } : {}) } });

describe('parseGoogleError', () => {
  it.each([
    [body(429, 'RESOURCE_EXHAUSTED', 'quota', [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '31s' }]), { message: 'quota', status: 'RESOURCE_EXHAUSTED', reason: null, retryDelayS: 31 }],
    [body(429, 'RESOURCE_EXHAUSTED', 'q', [{ retryDelay: '1.5s' }]), { message: 'q', status: 'RESOURCE_EXHAUSTED', reason: null, retryDelayS: 1.5 }],
    [body(400, 'INVALID_ARGUMENT', 'API key not valid.', [{ reason: 'API_KEY_INVALID' }]), { message: 'API key not valid.', status: 'INVALID_ARGUMENT', reason: 'API_KEY_INVALID', retryDelayS: null }],
    [`[${body(500, 'INTERNAL', 'x')}]`, { message: 'x', status: 'INTERNAL', reason: null, retryDelayS: null }],
    ['<html>502</html>', { message: '<html>502</html>', status: null, reason: null, retryDelayS: null }],
  ])('%s', (text, expected) => expect(parseGoogleError(text)).toEqual(expected));
});

describe('googleErrorFromResponse', () => {
  it.each([
    [429, body(429, 'RESOURCE_EXHAUSTED', 'quota', [{ retryDelay: '20s' }]), 'rate_limited', 20],
    [400, body(400, 'INVALID_ARGUMENT', 'bad field'), 'bad_request', null],
    [400, body(400, 'INVALID_ARGUMENT', 'API key not valid. Please pass a valid API key.', [{ reason: 'API_KEY_INVALID' }]), 'auth', null],
    [400, body(400, 'INVALID_ARGUMENT', 'The input token count (1200000) exceeds the maximum number of tokens allowed (1048576).'), 'context_window', null],
    [403, body(403, 'PERMISSION_DENIED', 'denied'), 'auth', null],
    [401, body(401, 'UNAUTHENTICATED', 'no token'), 'auth', null],
    [404, body(404, 'NOT_FOUND', 'models/x is not found'), 'bad_request', null],
    [500, body(500, 'INTERNAL', 'oops'), 'server', null],
    [503, body(503, 'UNAVAILABLE', 'overloaded'), 'server', null],
    [504, body(504, 'DEADLINE_EXCEEDED', 'slow'), 'server', null],
  ])('%i → %s', (status, text, kind, retryAfterS) => {
    const err = googleErrorFromResponse(status, {}, text, ctx);
    expect(err).toMatchObject({ kind, status, retryAfterS });
  });

  it('says the status name, prefers a retry-after header, scrubs the key', () => {
    const err = googleErrorFromResponse(429, { 'retry-after': '4' }, body(429, 'RESOURCE_EXHAUSTED', `quota for ${ctx.apiKey}`, [{ retryDelay: '20s' }]), ctx);
    expect(err.retryAfterS).toBe(4);
    expect(err.message).toBe('gemini/gemini-2.0-flash answered 429 RESOURCE_EXHAUSTED: quota for ***');
    expect(googleErrorFromResponse(502, {}, '', ctx).message).toBe('gemini/gemini-2.0-flash answered 502: (no message)');
  });
});
