import type { Deployment } from '@gatehouse/config';
import type { Endpoint } from '../http';
import { requestHeaders } from '../openai/api';
import { ProviderError } from '../types';

/**
 * Transport facts of Azure OpenAI: `{api_base}/openai/deployments/{deployment}/{operation}?api-version=…`
 * where the deployment is the model part of `azure/<deployment>`. The key goes in `api-key`; with
 * Entra ID (no key) the deployment's `azure_ad_token` goes in `Authorization: Bearer`.
 */

/** The latest GA data-plane version when the config gives no `api_version`. */
export const AZURE_DEFAULT_API_VERSION = '2024-10-21';

export type AzureOperation = 'chat/completions' | 'embeddings';

const endpoints = new Map<string, Endpoint>();

export function azureEndpoint(deployment: Pick<Deployment, 'apiBase' | 'providerModel' | 'apiVersion'>, operation: AzureOperation): Endpoint {
  const version = deployment.apiVersion ?? AZURE_DEFAULT_API_VERSION;
  const key = `${deployment.apiBase ?? ''}\u0000${deployment.providerModel}\u0000${version}\u0000${operation}`;
  let endpoint = endpoints.get(key);
  if (!endpoint) {
    if (!deployment.apiBase) throw new ProviderError('bad_request', 'azure: api_base is required (https://<resource>.openai.azure.com)');
    let url: URL;
    try {
      url = new URL(deployment.apiBase);
    } catch {
      throw new ProviderError('bad_request', 'azure: api_base is not a URL');
    }
    // Bases are given with or without the `/openai` segment; it is added once.
    const prefix = url.pathname.replace(/\/+$/, '').replace(/\/openai$/, '');
    const name = encodeURIComponent(deployment.providerModel);
    const path = `${prefix}/openai/deployments/${name}/${operation}?api-version=${encodeURIComponent(version)}`;
    endpoint = { origin: url.origin, path };
    endpoints.set(key, endpoint);
  }
  return endpoint;
}

/** The credential to send and how: the key (`api-key`), else the Entra ID token (bearer). */
export function azureCredential(apiKey: string | null, params: Readonly<Record<string, unknown>>): { header: 'api-key' | 'authorization'; secret: string } {
  if (apiKey) return { header: 'api-key', secret: apiKey };
  const token = params.azure_ad_token;
  if (typeof token === 'string' && token) return { header: 'authorization', secret: token };
  throw new ProviderError('auth', 'azure: no credential: set api_key or azure_ad_token');
}

export function azureHeaders(apiKey: string | null, params: Readonly<Record<string, unknown>>, deployment: Pick<Deployment, 'extra'>, stream: boolean): Record<string, string> {
  const headers = requestHeaders(null, deployment, stream);
  const { header, secret } = azureCredential(apiKey, params);
  if (header === 'api-key') {
    delete headers.authorization; // extra_headers cannot add a second credential
    headers['api-key'] = secret;
  } else headers.authorization = `Bearer ${secret}`;
  return headers;
}
