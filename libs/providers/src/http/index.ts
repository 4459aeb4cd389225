export { PoolRegistry, sharedPools, type PoolOptions } from './pools';
export { CallDeadline } from './deadline';
export { errorFromResponse, errorFromTransport, kindForStatus, parseRetryAfter, scrub, upstreamError, type ErrorContext } from './errors';
export { post, postJson, readBody, type Endpoint, type ErrorFromResponse, type PostAnswer, type ResponseBody, type ResponseHeaders } from './transport';
