import { readFileSync } from 'node:fs';

/** A config value is either literal or a reference: `os.environ/NAME` or `os.file/PATH`. */
export function isSecretRef(value: string): boolean {
  return value.startsWith('os.environ/') || value.startsWith('os.file/');
}

export class SecretNotFoundError extends Error {
  override readonly name = 'SecretNotFoundError';
}

/**
 * Resolves a reference where the secret is needed (the router for provider keys), never earlier,
 * so the other services never hold one. Error messages name the reference, never a value.
 */
export function resolveSecret(value: string, env: NodeJS.ProcessEnv = process.env): string {
  if (value.startsWith('os.environ/')) {
    const name = value.slice('os.environ/'.length);
    const v = env[name];
    if (v === undefined || v === '') throw new SecretNotFoundError(`environment variable ${name} is not set`);
    return v;
  }
  if (value.startsWith('os.file/')) {
    const path = value.slice('os.file/'.length);
    try {
      return readFileSync(path, 'utf8').trim();
    } catch (err) {
      throw new SecretNotFoundError(`secret file ${path} cannot be read (${(err as NodeJS.ErrnoException).code})`);
    }
  }
  return value;
}
