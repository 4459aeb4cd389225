import type { Deployment } from '@gatehouse/config';
import type { Endpoint } from '../http';
import { requestHeaders } from '../openai/api';
import { ProviderError } from '../types';

/** Transport facts of the Gemini API (Google AI Studio): base URL, endpoints, the key header. */

export const GEMINI_DEFAULT_BASE = 'https://generativelanguage.googleapis.com';
export const GEMINI_API_VERSION = 'v1beta';

export type GoogleMethod = 'generateContent' | 'streamGenerateContent' | 'batchEmbedContents' | 'predict';

const bases = new Map<string, { origin: string; prefix: string }>();

/**
 * An `api_base` as origin + path prefix, parsed once per distinct value. A base that already ends
 * in an API version (`…/v1beta`, `…/v1`) keeps it; otherwise `defaultVersion` is appended.
 */
export function parseBase(apiBase: string, defaultVersion: string, label: string): { origin: string; prefix: string } {
  const key = `${apiBase}\u0000${defaultVersion}`;
  let base = bases.get(key);
  if (!base) {
    let url: URL;
    try {
      url = new URL(apiBase);
    } catch {
      throw new ProviderError('bad_request', `${label}: api_base is not a URL`);
    }
    const path = url.pathname.replace(/\/+$/, '');
    base = { origin: url.origin, prefix: /\/v1(beta\d*)?$/.test(path) ? path : `${path}/${defaultVersion}` };
    bases.set(key, base);
  }
  return base;
}

/** The model's resource name: `models/<m>` unless the config already names a resource (`tunedModels/…`). */
export function modelResource(model: string): string {
  return model.includes('/') ? model : `models/${model}`;
}

/** `POST {base}/v1beta/models/{model}:{method}`; streams ask for SSE (`alt=sse`). */
export function geminiEndpoint(deployment: Pick<Deployment, 'apiBase' | 'providerModel'>, method: GoogleMethod): Endpoint {
  const { origin, prefix } = parseBase(deployment.apiBase ?? GEMINI_DEFAULT_BASE, GEMINI_API_VERSION, 'gemini');
  const query = method === 'streamGenerateContent' ? '?alt=sse' : '';
  return { origin, path: `${prefix}/${modelResource(deployment.providerModel)}:${method}${query}` };
}

/** JSON headers and `extra_headers`, with the key in `x-goog-api-key` (never in the URL, where logs keep it). */
export function geminiHeaders(apiKey: string | null, deployment: Pick<Deployment, 'extra'>, stream: boolean): Record<string, string> {
  const headers = requestHeaders(null, deployment, stream);
  if (apiKey) headers['x-goog-api-key'] = apiKey;
  return headers;
}
