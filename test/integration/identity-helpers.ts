import { createServer, type Server } from 'node:http';
import { exportJWK, generateKeyPair, type KeyLike, SignJWT } from 'jose';

/** Calls the admin API (or any route) of one ingress replica; returns status and parsed body. */
export async function call(base: string, method: string, path: string, key: string | null, body?: unknown) {
  const headers: Record<string, string> = {};
  if (key) headers.authorization = `Bearer ${key}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  let json: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- test helper over many shapes
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: res.status, body: json, text };
}

export const chat = (base: string, key: string, model = 'mock-model') =>
  call(base, 'POST', '/v1/chat/completions', key, { model, messages: [{ role: 'user', content: 'hi' }] });

/** A tiny OIDC issuer: a JWKS endpoint and a signer, with a second key pair that is not published. */
export interface TestIssuer {
  url: string;
  jwksUri: string;
  sign(claims: Record<string, unknown>, opts?: { alg?: string; expiresIn?: string | number; notBefore?: string | number; forge?: boolean; audience?: string }): Promise<string>;
  close(): Promise<void>;
}

export async function startIssuer(audience: string): Promise<TestIssuer> {
  const good = await generateKeyPair('RS256');
  const forged = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(good.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  const server: Server = createServer((req, res) => {
    if (req.url === '/jwks') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
    } else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const issuer = 'https://idp.gatehouse.test';
  return {
    url: issuer,
    jwksUri: `${url}/jwks`,
    async sign(claims, opts = {}) {
      const key: KeyLike = opts.forge ? forged.privateKey : good.privateKey;
      let jwt = new SignJWT(claims).setProtectedHeader({ alg: opts.alg ?? 'RS256', kid: 'k1' }).setIssuer(issuer).setAudience(opts.audience ?? audience).setIssuedAt();
      jwt = jwt.setExpirationTime(opts.expiresIn ?? '10m');
      if (opts.notBefore !== undefined) jwt = jwt.setNotBefore(opts.notBefore);
      return jwt.sign(key);
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** An unsigned token (`alg: none`), as an attacker would send it. */
export function unsignedToken(claims: Record<string, unknown>): string {
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ exp: Math.floor(Date.now() / 1000) + 600, ...claims })}.`;
}
