import type { Deployment } from '@gatehouse/config';
import type { Endpoint } from '../http';
import { ProviderError } from '../types';

/** Transport facts of OpenAI-compatible servers: base URLs, endpoint, headers. */

/** Providers that speak the OpenAI Chat Completions API, with the base used when `api_base` is not set. */
export const OPENAI_COMPATIBLE_BASES = {
  openai: 'https://api.openai.com/v1',
  groq: 'https://api.groq.com/openai/v1',
  together_ai: 'https://api.together.xyz/v1',
  deepseek: 'https://api.deepseek.com/v1',
  mistral: 'https://api.mistral.ai/v1',
  fireworks_ai: 'https://api.fireworks.ai/inference/v1',
  ollama: 'http://localhost:11434/v1',
  ollama_chat: 'http://localhost:11434/v1',
  lm_studio: 'http://localhost:1234/v1',
  hosted_vllm: null, // self-hosted: no default, api_base is required
  openai_compatible: null,
} as const satisfies Record<string, string | null>;

export const OPENAI_COMPATIBLE_PROVIDERS = Object.keys(OPENAI_COMPATIBLE_BASES) as (keyof typeof OPENAI_COMPATIBLE_BASES)[];

/** Ollama's OpenAI API lives under `/v1`, but LiteLLM configs give its bare origin. */
const BARE_ORIGIN_MEANS_V1 = new Set(['ollama', 'ollama_chat']);

const endpoints = new Map<string, Endpoint>();

/** Where `/chat/completions` of this deployment is; parsed once per distinct base. */
export function chatEndpoint(deployment: Pick<Deployment, 'provider' | 'apiBase'>): Endpoint {
  const key = `${deployment.provider}\u0000${deployment.apiBase ?? ''}`;
  let endpoint = endpoints.get(key);
  if (!endpoint) {
    endpoint = resolveEndpoint(deployment, '/chat/completions');
    endpoints.set(key, endpoint);
  }
  return endpoint;
}

export function resolveEndpoint(deployment: Pick<Deployment, 'provider' | 'apiBase'>, operation: string): Endpoint {
  const fallback = (OPENAI_COMPATIBLE_BASES as Record<string, string | null>)[deployment.provider] ?? null;
  const base = deployment.apiBase ?? fallback;
  if (!base) throw new ProviderError('bad_request', `${deployment.provider}: api_base is required for this provider`);
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new ProviderError('bad_request', `${deployment.provider}: api_base is not a URL`);
  }
  let prefix = url.pathname.replace(/\/+$/, '');
  if (prefix === '' && deployment.apiBase && BARE_ORIGIN_MEANS_V1.has(deployment.provider)) prefix = '/v1';
  return { origin: url.origin, path: `${prefix}${operation}` };
}

/** Request headers: JSON, the bearer key when there is one, and `extra_headers` from the config. */
export function requestHeaders(apiKey: string | null, deployment: Pick<Deployment, 'extra'>, stream: boolean): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: stream ? 'text/event-stream' : 'application/json',
  };
  const extra = deployment.extra.extra_headers;
  if (extra && typeof extra === 'object') {
    for (const [name, value] of Object.entries(extra)) if (typeof value === 'string') headers[name.toLowerCase()] = value;
  }
  if (apiKey) headers.authorization = `Bearer ${apiKey}`;
  return headers;
}
