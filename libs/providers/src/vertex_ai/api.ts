import type { Deployment } from '@gatehouse/config';
import type { Endpoint } from '../http';
import { parseBase, type GoogleMethod } from '../gemini/api';
import { requestHeaders } from '../openai/api';
import { ProviderError } from '../types';

/**
 * Transport facts of Vertex AI's Gemini endpoints. The project and location come from LiteLLM's
 * `vertex_project` / `vertex_location`; the credential is an OAuth2 access token, sent as a bearer:
 * `api_key`, else `vertex_access_token`. Exchanging a service account (`vertex_credentials`) or
 * ADC for a token needs google-auth, which this gateway does not ship: mint the token outside
 * (`gcloud auth print-access-token`, a sidecar) and pass it by reference (`os.environ/…`).
 */

export const VERTEX_DEFAULT_LOCATION = 'us-central1';
export const VERTEX_API_VERSION = 'v1';

export interface VertexTarget {
  project: string;
  location: string;
}

export function vertexTarget(params: Readonly<Record<string, unknown>>): VertexTarget {
  const project = params.vertex_project;
  if (typeof project !== 'string' || project === '') {
    throw new ProviderError('bad_request', 'vertex_ai: vertex_project is required in litellm_params');
  }
  const location = typeof params.vertex_location === 'string' && params.vertex_location ? params.vertex_location : VERTEX_DEFAULT_LOCATION;
  return { project, location };
}

/** `https://{location}-aiplatform.googleapis.com` (the `global` location has no regional host). */
export function vertexBase(location: string): string {
  return location === 'global' ? 'https://aiplatform.googleapis.com' : `https://${location}-aiplatform.googleapis.com`;
}

/**
 * `POST {base}/v1/projects/{p}/locations/{l}/publishers/google/models/{model}:{method}`. An
 * `api_base` replaces the regional host (and may carry a path prefix or its own version).
 */
export function vertexEndpoint(deployment: Pick<Deployment, 'apiBase' | 'providerModel'>, target: VertexTarget, method: GoogleMethod): Endpoint {
  const { origin, prefix } = parseBase(deployment.apiBase ?? vertexBase(target.location), VERTEX_API_VERSION, 'vertex_ai');
  const model = deployment.providerModel.includes('/') ? deployment.providerModel : `publishers/google/models/${deployment.providerModel}`;
  const query = method === 'streamGenerateContent' ? '?alt=sse' : '';
  return { origin, path: `${prefix}/projects/${target.project}/locations/${target.location}/${model}:${method}${query}` };
}

/** The access token: the deployment's `api_key`, else `vertex_access_token`. */
export function vertexToken(apiKey: string | null, params: Readonly<Record<string, unknown>>): string {
  const token = apiKey ?? (typeof params.vertex_access_token === 'string' ? params.vertex_access_token : null);
  if (!token) {
    const hint = params.vertex_credentials !== undefined ? ' (vertex_credentials is not exchanged for tokens here)' : '';
    throw new ProviderError('auth', `vertex_ai: no access token: set api_key or vertex_access_token${hint}`);
  }
  return token;
}

export function vertexHeaders(token: string, deployment: Pick<Deployment, 'extra'>, stream: boolean): Record<string, string> {
  return requestHeaders(token, deployment, stream);
}
