import { HttpException, NotFoundException } from '@nestjs/common';
import { GatehouseError } from '@gatehouse/contracts';
import { toClientError } from './client-error';

describe('toClientError', () => {
  it.each([
    [{ code: 'FST_ERR_CTP_BODY_TOO_LARGE', message: 'x' }, 413, 'request_too_large'],
    [Object.assign(new SyntaxError('Unexpected token'), { code: 'FST_ERR_CTP_INVALID_JSON_BODY' }), 400, 'invalid_json'],
    [{ code: 'FST_ERR_CTP_EMPTY_JSON_BODY', message: 'empty' }, 400, 'invalid_json'],
    [{ code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE', message: 'x' }, 415, 'invalid_request'],
    [new NotFoundException('Cannot POST /v1/nope'), 404, 'not_found'],
    [new HttpException("Body is not valid JSON but content-type is set to 'application/json'", 400), 400, 'invalid_json'],
    [new HttpException('Request body is too large', 413), 413, 'request_too_large'],
    [new Error('boom'), 500, 'internal_error'],
  ])('%s → %i %s', (err, status, code) => {
    const e = toClientError(err);
    expect(e.status).toBe(status);
    expect(e.code).toBe(code);
    expect(e.toOpenAI().error.type).toBeTruthy();
  });

  it('keeps a GatehouseError as it is', () => {
    const e = new GatehouseError('rate_limit_exceeded', 'slow down', { retryAfter: 3 });
    expect(toClientError(e)).toBe(e);
  });

  it('does not leak an internal message', () => {
    expect(toClientError(new Error('db password is hunter2')).message).toBe('Internal error.');
  });
});
