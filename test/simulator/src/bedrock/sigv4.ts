import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';

/**
 * Server-side SigV4 verification, as Bedrock Runtime does it: parse the Authorization header,
 * rebuild the canonical request from what actually arrived (the path as sent, the signed headers,
 * the body bytes), sign it again with the secret the access key id names, and compare.
 */

/** The one key pair the simulator knows; tests sign with it (or with a wrong secret, to be refused). */
export const BEDROCK_SIM_CREDENTIALS = {
  accessKeyId: 'AKIAGATEHOUSESIM0001',
  secretAccessKey: 'gHsIm/K7MDENG/bPxRfiCYEXAMPLEKEY0000001',
} as const;

export interface SigV4Failure {
  status: 400 | 403;
  type: 'MissingAuthenticationTokenException' | 'IncompleteSignatureException' | 'UnrecognizedClientException' | 'InvalidSignatureException';
  message: string;
}

export interface SignedArrival {
  method: string;
  /** The path exactly as it arrived (still percent-encoded). */
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

const MAX_SKEW_MS = 5 * 60_000;
const MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

interface ParsedAuthorization {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

export function parseAuthorization(value: string): ParsedAuthorization | null {
  const m = /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{8})\/([^/,\s]+)\/([^/,\s]+)\/aws4_request,\s*SignedHeaders=([a-z0-9;-]+),\s*Signature=([0-9a-f]{64})$/.exec(value.trim());
  if (!m) return null;
  return { accessKeyId: m[1], date: m[2], region: m[3], service: m[4], signedHeaders: m[5].split(';'), signature: m[6] };
}

/** `20240102T030405Z` as a Date, or null. */
export function parseAmzDate(value: string | undefined): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value ?? '');
  return m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6])) : null;
}

function headerValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v.join(',') : v;
}

/** Null when the request is signed by a known key for `service`; the AWS error otherwise. */
export async function verifySigV4(req: SignedArrival, service: string, nowMs = Date.now()): Promise<SigV4Failure | null> {
  const authorization = headerValue(req.headers.authorization);
  if (!authorization) return { status: 403, type: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' };
  const auth = parseAuthorization(authorization);
  if (!auth) {
    return { status: 403, type: 'IncompleteSignatureException', message: `Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters. Authorization=${authorization.split(' ')[0]}` };
  }
  if (auth.accessKeyId !== BEDROCK_SIM_CREDENTIALS.accessKeyId) {
    return { status: 403, type: 'UnrecognizedClientException', message: 'The security token included in the request is invalid.' };
  }
  if (auth.service !== service) {
    return { status: 403, type: 'InvalidSignatureException', message: `Credential should be scoped to correct service: '${service}'. ` };
  }
  const amzDate = headerValue(req.headers['x-amz-date']);
  const signingDate = parseAmzDate(amzDate);
  if (!signingDate || !auth.signedHeaders.includes('host') || !auth.signedHeaders.includes('x-amz-date')) {
    return { status: 403, type: 'IncompleteSignatureException', message: 'Signature must include the host and x-amz-date headers.' };
  }
  if (Math.abs(nowMs - signingDate.getTime()) > MAX_SKEW_MS || amzDate?.slice(0, 8) !== auth.date) {
    return { status: 403, type: 'InvalidSignatureException', message: `Signature expired: ${amzDate} is now earlier than the allowed window (5 min.)` };
  }
  // The payload hash the client signed must be the hash of the bytes that arrived.
  const claimed = headerValue(req.headers['x-amz-content-sha256']);
  if (claimed !== undefined && claimed !== createHash('sha256').update(req.body).digest('hex')) {
    return { status: 403, type: 'InvalidSignatureException', message: MISMATCH };
  }
  const headers: Record<string, string> = {};
  for (const name of auth.signedHeaders) {
    const value = headerValue(req.headers[name]);
    if (value === undefined) return { status: 403, type: 'InvalidSignatureException', message: MISMATCH };
    headers[name] = value;
  }
  const signer = new SignatureV4({
    service: auth.service,
    region: auth.region,
    credentials: { accessKeyId: auth.accessKeyId, secretAccessKey: BEDROCK_SIM_CREDENTIALS.secretAccessKey },
    sha256: Sha256,
    applyChecksum: false,
  });
  const host = headers.host ?? '';
  const signed = await signer.sign(
    { method: req.method, protocol: 'http:', hostname: host.split(':')[0], path: req.path, query: req.query, headers, body: req.body },
    { signingDate, signableHeaders: new Set(auth.signedHeaders) },
  );
  const expected = /Signature=([0-9a-f]{64})$/.exec(String(signed.headers.authorization))?.[1] ?? '';
  const same = expected.length === auth.signature.length && timingSafeEqual(Buffer.from(expected), Buffer.from(auth.signature));
  return same ? null : { status: 403, type: 'InvalidSignatureException', message: MISMATCH };
}
