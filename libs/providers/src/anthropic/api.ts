import type { Deployment } from '@gatehouse/config';
import type { Endpoint } from '../http';
import { ProviderError } from '../types';

/** Transport facts of the Anthropic Messages API: base URL, endpoint, headers. */

export const ANTHROPIC_BASE = 'https://api.anthropic.com';
/** The API version we translate for; `extra_headers` may override it (and add `anthropic-beta`). */
export const ANTHROPIC_VERSION = '2023-06-01';

const endpoints = new Map<string, Endpoint>();

/**
 * Where `/v1/messages` of this deployment is. `api_base` may be the origin, end in `/v1`, or be
 * the whole messages URL (LiteLLM accepts all three); parsed once per distinct base.
 */
export function messagesEndpoint(deployment: Pick<Deployment, 'apiBase'>): Endpoint {
  const base = deployment.apiBase ?? ANTHROPIC_BASE;
  let endpoint = endpoints.get(base);
  if (!endpoint) {
    let url: URL;
    try {
      url = new URL(base);
    } catch {
      throw new ProviderError('bad_request', 'anthropic: api_base is not a URL');
    }
    const prefix = url.pathname.replace(/\/+$/, '');
    const path = prefix.endsWith('/v1/messages') ? prefix : prefix.endsWith('/v1') ? `${prefix}/messages` : `${prefix}/v1/messages`;
    endpoint = { origin: url.origin, path };
    endpoints.set(base, endpoint);
  }
  return endpoint;
}

/** `x-api-key`, `anthropic-version`, JSON, and `extra_headers` from the config (never replacing the key). */
export function anthropicHeaders(apiKey: string | null, deployment: Pick<Deployment, 'extra'>, stream: boolean): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: stream ? 'text/event-stream' : 'application/json',
    'anthropic-version': ANTHROPIC_VERSION,
  };
  const extra = deployment.extra.extra_headers;
  if (extra && typeof extra === 'object') {
    for (const [name, value] of Object.entries(extra)) if (typeof value === 'string') headers[name.toLowerCase()] = value;
  }
  if (apiKey) headers['x-api-key'] = apiKey;
  return headers;
}
