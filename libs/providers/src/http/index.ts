export { PoolRegistry, sharedPools, type PoolOptions } from './pools';
export { CallDeadline } from './deadline';
export { errorFromResponse, errorFromTransport, kindForStatus, parseRetryAfter, scrub, upstreamError, type ErrorContext } from './errors';
export { postJson, readBody, type Endpoint, type ResponseBody } from './transport';
