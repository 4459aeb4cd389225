import { z } from 'zod';
import { defineEvent } from '../event';
import { exampleRequestFacts, RequestFacts } from './request-facts';

/** `gh.evt.request.failed.v1` — a client request ended in an error (refused, blocked, or upstream failure). */
export const RequestFailedV1 = defineEvent({
  family: 'request',
  name: 'failed',
  version: 1,
  stream: 'GH_REQUEST',
  description: 'A client request ended in an error; carries the error code and whatever usage was generated.',
  schema: RequestFacts.extend({
    error: z.object({ code: z.string(), message: z.string() }),
  }),
  idField: 'request_id',
  example: {
    ...exampleRequestFacts,
    http_status: 429,
    error: { code: 'rate_limit_exceeded', message: 'Rate limit of key demo reached: 60 requests per minute.' },
  },
});
