import { errorFromBedrockResponse, kindForAwsError, normalizeErrorType } from './errors';

const ctx = { label: 'bedrock/m', secrets: ['wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'SESSIONTOKEN123'] };
const typed = (type: string) => ({ 'x-amzn-errortype': `${type}:http://internal.amazon.com/coral/com.amazon.bedrock/` });

describe('normalizeErrorType', () => {
  it.each([
    ['ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/', 'ThrottlingException'],
    ['com.amazon.coral.service#ValidationException', 'ValidationException'],
    ['throttlingException', 'ThrottlingException'],
    ['', null],
    [undefined, null],
  ])('%p → %p', (raw, expected) => expect(normalizeErrorType(raw)).toBe(expected));
});

describe('errorFromBedrockResponse', () => {
  it.each([
    [429, 'ThrottlingException', 'Too many requests, please wait before trying again.', 'rate_limited'],
    [429, 'ModelNotReadyException', 'Model is not ready', 'server'],
    [503, 'ServiceUnavailableException', 'Bedrock is unable to process your request.', 'server'],
    [500, 'InternalServerException', 'internal', 'server'],
    [424, 'ModelErrorException', 'model failed', 'server'],
    [408, 'ModelTimeoutException', 'timed out', 'timeout'],
    [400, 'ValidationException', 'messages.0: blank text', 'bad_request'],
    [400, 'ValidationException', 'Input is too long for requested model.', 'context_window'],
    [400, 'ValidationException', 'prompt is too long: 210000 tokens > 200000 maximum', 'context_window'],
    [404, 'ResourceNotFoundException', 'no such model', 'bad_request'],
    [403, 'AccessDeniedException', "You don't have access to the model with the specified model ID.", 'auth'],
    [403, 'UnrecognizedClientException', 'The security token included in the request is invalid.', 'auth'],
    [403, 'InvalidSignatureException', 'The request signature we calculated does not match', 'auth'],
    [400, 'ServiceQuotaExceededException', 'quota', 'rate_limited'],
  ])('%i %s → %s', (status, type, message, kind) => {
    const err = errorFromBedrockResponse(status, typed(type), JSON.stringify({ message }), ctx);
    expect(err).toMatchObject({ name: 'ProviderError', kind, status });
    expect(err.message).toBe(`bedrock/m answered ${status} ${type}: ${message}`);
  });

  it('without the header: the body __type, then the status', () => {
    expect(errorFromBedrockResponse(400, {}, '{"__type":"com.amazon#ThrottlingException","Message":"slow down"}', ctx)).toMatchObject({ kind: 'rate_limited', message: 'bedrock/m answered 400 ThrottlingException: slow down' });
    expect(errorFromBedrockResponse(502, {}, '<html>bad gateway</html>', ctx)).toMatchObject({ kind: 'server', message: 'bedrock/m answered 502: <html>bad gateway</html>' });
    expect(errorFromBedrockResponse(503, {}, '', ctx).message).toBe('bedrock/m answered 503: (no message)');
  });

  it('never carries the deployment secrets', () => {
    const err = errorFromBedrockResponse(403, typed('AccessDeniedException'), JSON.stringify({ message: `bad ${ctx.secrets[0]} and ${ctx.secrets[1]} of AKIAIOSFODNN7EXAMPLE` }), ctx);
    for (const s of [...ctx.secrets, 'AKIAIOSFODNN7EXAMPLE']) expect(err.message).not.toContain(s);
  });

  it('keeps a retry-after when one is sent with a throttle', () => {
    expect(errorFromBedrockResponse(429, { ...typed('ThrottlingException'), 'retry-after': '3' }, '{}', ctx).retryAfterS).toBe(3);
  });
});

describe('kindForAwsError', () => {
  it('an unknown type falls back to the status; an unknown stream exception is server', () => {
    expect(kindForAwsError('SomethingNew', 401, 'x')).toBe('auth');
    expect(kindForAwsError(null, null, 'x')).toBe('server');
  });
});
