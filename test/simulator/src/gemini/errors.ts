/** Google API error bodies (`google.rpc.Status` as JSON), as the Gemini API and Vertex AI send them. */

const STATUS_BY_CODE: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ABORTED',
  429: 'RESOURCE_EXHAUSTED',
  499: 'CANCELLED',
  500: 'INTERNAL',
  501: 'NOT_IMPLEMENTED',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

export function googleStatus(code: number): string {
  return STATUS_BY_CODE[code] ?? (code >= 500 ? 'UNKNOWN' : 'FAILED_PRECONDITION');
}

export function googleError(code: number, message: string, details?: unknown[]): string {
  return JSON.stringify({ error: { code, message, status: googleStatus(code), ...(details ? { details } : {}) } });
}

export function defaultGoogleMessage(code: number): string {
  if (code === 500) return 'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting';
  if (code === 503) return 'The model is overloaded. Please try again later.';
  if (code === 504) return 'Deadline expired before operation could complete.';
  return `Simulated error ${code}.`;
}

export const API_KEY_INVALID = (): string =>
  googleError(400, 'API key not valid. Please pass a valid API key.', [
    { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID', domain: 'googleapis.com', metadata: { service: 'generativelanguage.googleapis.com' } },
  ]);

export const UNREGISTERED_CALLER = (): string =>
  googleError(403, 'Method doesn\'t allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.');

export const UNAUTHENTICATED = (): string =>
  googleError(
    401,
    'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
    [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'ACCESS_TOKEN_TYPE_UNSUPPORTED', domain: 'googleapis.com' }],
  );

export function quotaExceeded(vertex: boolean, retryAfterS: number): string {
  if (vertex) {
    return googleError(429, 'Resource exhausted. Please try again later. Please refer to https://cloud.google.com/vertex-ai/generative-ai/docs/error-code-429 for more details.');
  }
  return googleError(429, 'You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits.', [
    { '@type': 'type.googleapis.com/google.rpc.Help', links: [{ description: 'Learn more about Gemini API quotas', url: 'https://ai.google.dev/gemini-api/docs/rate-limits' }] },
    { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: `${retryAfterS}s` },
  ]);
}
