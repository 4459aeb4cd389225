import { defineEvent } from '../event';
import { exampleRequestFacts, RequestFacts } from './request-facts';

/** `gh.evt.request.completed.v1` — a client request got its answer (from a provider or the cache). */
export const RequestCompletedV1 = defineEvent({
  family: 'request',
  name: 'completed',
  version: 1,
  stream: 'GH_REQUEST',
  description: 'A client request was answered; carries route, usage, cost, cache and guard verdicts.',
  schema: RequestFacts,
  idField: 'request_id',
  example: exampleRequestFacts,
});
