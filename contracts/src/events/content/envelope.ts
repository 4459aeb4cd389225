import { z } from 'zod';

/** What a team's content policy stores (docs/adr/0010, "Content"). `none` publishes nothing. */
export const ContentLevel = z.enum(['metadata', 'redacted', 'full']);
export type ContentLevel = z.infer<typeof ContentLevel>;

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64');

/**
 * Envelope encryption: the content (JSON) sealed with AES-256-GCM under a data key, named by
 * `key_name` (its entry in the `gh_content_keys` KV bucket, wrapped by the master key) and
 * `data_key_id` (which generation of that entry). The additional data binds the ciphertext to its
 * request id, key name and key id. `sha256` is over the ciphertext: verifiable after a forget.
 */
export const ContentEnvelope = z.object({
  alg: z.literal('A256GCM'),
  key_name: z.string().min(1),
  data_key_id: z.string().min(1),
  iv: b64,
  tag: b64,
  ciphertext: b64,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type ContentEnvelope = z.infer<typeof ContentEnvelope>;

export const exampleEnvelope: ContentEnvelope = {
  alg: 'A256GCM',
  key_name: 't_dGVhbV9kZW1v.u_YWxpY2U',
  data_key_id: 'dk_3f2a9c1e0b7d4a66',
  iv: 'AAAAAAAAAAAAAAAA',
  tag: 'AAAAAAAAAAAAAAAAAAAAAA==',
  ciphertext: 'c2VhbGVk',
  sha256: 'e'.repeat(64),
};
