import { parseConfig } from '@gatehouse/config';
import { buildKeyDirectory, keyIdFor, sha256Hex } from './key-directory';

const config = parseConfig(
  `
model_list: [{ model_name: m, litellm_params: { model: mock/m } }]
general_settings: { master_key: os.environ/TEST_MASTER }
gatehouse:
  keys:
    - { key: sk-gh-team-a-key-0001, key_alias: a, team_id: team-a, rpm_limit: 5, models: [m] }
    - { key: sk-gh-team-b-key-0002 }
`,
  'test',
);

describe('buildKeyDirectory', () => {
  const dir = buildKeyDirectory(config, { TEST_MASTER: 'sk-gh-master-secret' });

  it('indexes config keys by digest, with their limits and scope', () => {
    const p = dir.get(sha256Hex('sk-gh-team-a-key-0001'));
    expect(p).toMatchObject({ key_alias: 'a', team_id: 'team-a', rpm_limit: 5, models: ['m'], role: 'internal_user' });
    expect(p?.key_id).toBe(keyIdFor('sk-gh-team-a-key-0001'));
  });

  it('gives a key without scope every model', () => {
    expect(dir.get(sha256Hex('sk-gh-team-b-key-0002'))?.models).toEqual(['*']);
  });

  it('resolves the master key from the environment as a proxy admin', () => {
    expect(dir.get(sha256Hex('sk-gh-master-secret'))?.role).toBe('proxy_admin');
  });

  it('does not accept a stored digest as a key', () => {
    const digest = sha256Hex('sk-gh-team-a-key-0001');
    expect(dir.get(sha256Hex(digest))).toBeUndefined();
  });

  it('keeps neither keys nor digests in the principal', () => {
    const text = JSON.stringify([...dir.values()]);
    expect(text).not.toContain('sk-gh-');
    expect(text).not.toContain(sha256Hex('sk-gh-team-a-key-0001'));
  });

  it('refuses to start when the master key reference cannot be resolved', () => {
    expect(() => buildKeyDirectory(config, {})).toThrow('environment variable TEST_MASTER is not set');
  });
});
