import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import type { Deployment } from '@gatehouse/config';
import { ProviderError } from '../types';

/**
 * Transport facts of Bedrock Runtime: where a model's operations are, the credentials of a
 * deployment (LiteLLM's `aws_*` params) and the SigV4 signature of exactly the bytes sent.
 */

export const BEDROCK_SIGNING_SERVICE = 'bedrock';
export const DEFAULT_REGION = 'us-east-1';

export type BedrockOperation = 'converse' | 'converse-stream' | 'invoke';

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** Where and as whom one deployment is called. */
export interface BedrockTarget {
  /** `https://bedrock-runtime.us-east-1.amazonaws.com`, or the origin of `api_base`. */
  origin: string;
  /** Path prefix of `api_base` (a proxy in front of Bedrock), usually empty. */
  prefix: string;
  region: string;
  credentials: AwsCredentials;
  /** The model id the operations name: `converse/` stripped. */
  modelId: string;
}

const REGION = /^[a-z]{2}(-[a-z0-9]+)+-\d+$/;

/** LiteLLM's `bedrock/converse/<model>` means the Converse API, which is what we always use. */
export function modelIdOf(providerModel: string): string {
  return providerModel.startsWith('converse/') ? providerModel.slice('converse/'.length) : providerModel;
}

function stringParam(params: Readonly<Record<string, unknown>>, name: string): string | null {
  const v = params[name];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}

export function resolveTarget(deployment: Pick<Deployment, 'apiBase' | 'providerModel'>, params: Readonly<Record<string, unknown>>): BedrockTarget {
  const region = stringParam(params, 'aws_region_name') ?? DEFAULT_REGION;
  if (!REGION.test(region)) throw new ProviderError('bad_request', `bedrock: aws_region_name "${region}" is not a region`);
  const accessKeyId = stringParam(params, 'aws_access_key_id');
  const secretAccessKey = stringParam(params, 'aws_secret_access_key');
  if (!accessKeyId || !secretAccessKey) throw new ProviderError('auth', 'bedrock: aws_access_key_id and aws_secret_access_key are required');
  const sessionToken = stringParam(params, 'aws_session_token');
  const base = deployment.apiBase ?? stringParam(params, 'aws_bedrock_runtime_endpoint') ?? `https://bedrock-runtime.${region}.amazonaws.com`;
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new ProviderError('bad_request', 'bedrock: api_base is not a URL');
  }
  const modelId = modelIdOf(deployment.providerModel);
  if (!modelId) throw new ProviderError('bad_request', 'bedrock: the model id is empty');
  return {
    origin: url.origin,
    prefix: url.pathname.replace(/\/+$/, ''),
    region,
    credentials: { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) },
    modelId,
  };
}

/**
 * A URI path segment as AWS SDKs write it (RFC 3986 unreserved characters kept): model ids carry
 * `:` (`…-v1:0`) and ARNs carry `/`, both percent-encoded in the path that is sent and signed.
 */
export function encodePathSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function operationPath(target: Pick<BedrockTarget, 'prefix' | 'modelId'>, operation: BedrockOperation): string {
  return `${target.prefix}/model/${encodePathSegment(target.modelId)}/${operation}`;
}

export interface SignedRequest {
  origin: string;
  path: string;
  /** Every header to send, `host` and `authorization` included; nothing else is added but `content-length`. */
  headers: Record<string, string>;
  body: string;
}

/**
 * Signs the POST of `body` to `path` (already encoded as it goes on the wire: the signer encodes
 * it once more for the canonical request, as AWS does for every service but S3).
 */
export async function signRequest(target: BedrockTarget, path: string, body: string, accept: string, now: Date): Promise<SignedRequest> {
  const url = new URL(target.origin);
  const signer = new SignatureV4({ service: BEDROCK_SIGNING_SERVICE, region: target.region, credentials: target.credentials, sha256: Sha256 });
  const signed = await signer.sign(
    {
      method: 'POST',
      protocol: url.protocol,
      hostname: url.hostname,
      ...(url.port ? { port: Number(url.port) } : {}),
      path,
      query: {},
      headers: { host: url.host, 'content-type': 'application/json', accept },
      body,
    },
    { signingDate: now },
  );
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(signed.headers)) headers[name.toLowerCase()] = value;
  return { origin: target.origin, path, headers, body };
}
