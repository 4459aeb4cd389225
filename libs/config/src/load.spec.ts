import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callableModels, resolveGroup } from './gateway-config';
import { ConfigError, loadConfig, parseConfig } from './load';
import { resolveSecret, SecretNotFoundError } from './secrets';

/** A LiteLLM proxy config as its users write it, including keys Gatehouse does not act on. */
const LITELLM = `
model_list:
  - model_name: gpt-4o
    litellm_params:
      model: openai/gpt-4o
      api_key: os.environ/OPENAI_API_KEY
      rpm: 600
      tpm: 100000
    model_info:
      id: gpt-4o-primary
  - model_name: gpt-4o
    litellm_params:
      model: azure/gpt-4o-eu
      api_base: https://example-eu.openai.azure.com
      api_key: os.environ/AZURE_API_KEY
      api_version: "2024-10-21"
      weight: 3
      order: 2
      timeout: 30
      input_cost_per_token: 0.0000025
      output_cost_per_token: 0.00001
  - model_name: llama
    litellm_params:
      model: hosted_vllm/meta-llama/Llama-3.1-8B-Instruct
      api_base: http://127.0.0.1:8000/v1
router_settings:
  routing_strategy: simple-shuffle
  num_retries: 3
  redis_host: localhost
  model_group_alias: { gpt-4: gpt-4o }
litellm_settings:
  drop_params: true
  success_callback: ["langfuse"]
general_settings:
  master_key: os.environ/LITELLM_MASTER_KEY
  database_url: postgres://x
`;

function problems(text: string): string[] {
  try {
    parseConfig(text, 'test');
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfig', () => {
  const config = parseConfig(LITELLM, 'test');

  it('accepts a LiteLLM config as it is, and compiles the routing groups', () => {
    expect([...config.groups.keys()]).toEqual(['gpt-4o', 'llama']);
    const [openai, azure] = config.groups.get('gpt-4o')!;
    expect(openai).toMatchObject({ id: 'gpt-4o-primary', provider: 'openai', providerModel: 'gpt-4o', rpm: 600, tpm: 100000, weight: 1 });
    expect(azure).toMatchObject({ id: 'gpt-4o#1', provider: 'azure', apiVersion: '2024-10-21', weight: 3, order: 2, timeoutMs: 30_000, inputCostPerToken: 0.0000025 });
    expect(config.groups.get('llama')![0]).toMatchObject({ provider: 'hosted_vllm', providerModel: 'meta-llama/Llama-3.1-8B-Instruct' });
  });

  it('keeps secret references unresolved: only the router resolves provider keys', () => {
    expect(config.deployments[0].apiKey).toBe('os.environ/OPENAI_API_KEY');
    expect(config.masterKey).toBe('os.environ/LITELLM_MASTER_KEY');
  });

  it('warns about keys it does not act on instead of failing', () => {
    expect(config.warnings).toEqual(
      expect.arrayContaining(['router_settings.redis_host', 'litellm_settings.success_callback', 'general_settings.database_url']),
    );
  });

  it('resolves aliases to groups', () => {
    expect(resolveGroup(config, 'gpt-4')).toBe('gpt-4o');
    expect(resolveGroup(config, 'nope')).toBeNull();
    expect(callableModels(config)).toEqual(['gpt-4o', 'llama', 'gpt-4']);
  });

  it('defaults Gatehouse settings', () => {
    expect(config.gatehouse).toMatchObject({ keys: [], max_request_body_bytes: 10 * 1024 * 1024, stream_credit: 64 });
    expect(config.gatehouse.timeouts).toMatchObject({ identity_ms: 1000, router_accept_ms: 2000 });
  });

  it('names the exact path of a bad value', () => {
    const bad = LITELLM.replace('model: hosted_vllm/meta-llama/Llama-3.1-8B-Instruct', 'model: 42').replace('weight: 3', 'weight: -1');
    expect(problems(bad)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^model_list\[2\]\.litellm_params\.model: /), expect.stringMatching(/^model_list\[1\]\.litellm_params\.weight: /)]),
    );
  });

  it.each([
    ['a missing model_name', 'model_list: [{ litellm_params: { model: openai/x } }]', /^model_list\[0\]\.model_name: /],
    ['an api_base that is not a URL', 'model_list: [{ model_name: m, litellm_params: { model: openai/x, api_base: not a url } }]', /api_base: must be a URL/],
    ['an alias to nothing', 'model_list: [{ model_name: m, litellm_params: { model: openai/x } }]\nrouter_settings: { model_group_alias: { a: b } }', /model_group_alias\.a: no model_name "b"/],
    ['a duplicated deployment id', 'model_list: [{ model_name: m, litellm_params: { model: openai/x }, model_info: { id: d } }, { model_name: n, litellm_params: { model: openai/y }, model_info: { id: d } }]', /"d" is used twice/],
    ['an unknown gatehouse setting', 'gatehouse: { max_body: 1 }', /gatehouse/],
    ['YAML that does not parse', 'model_list: [', /not valid YAML/],
  ])('refuses %s', (_what, text, expected) => {
    expect(problems(text).join('\n')).toMatch(expected);
  });
});

describe('loadConfig', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gh-config-'));

  it('reads the file GATEHOUSE_CONFIG names', () => {
    const file = join(dir, 'c.yaml');
    writeFileSync(file, 'model_list: [{ model_name: m, litellm_params: { model: mock/m } }]');
    expect(loadConfig(file).groups.has('m')).toBe(true);
  });

  it('refuses a file that cannot be read, naming it', () => {
    expect(() => loadConfig(join(dir, 'missing.yaml'))).toThrow(/missing\.yaml[\s\S]*ENOENT/);
  });

  it('falls back to the shipped demo config with the mock model', () => {
    const demo = loadConfig(undefined);
    expect(demo.deployments.every((d) => d.provider === 'mock')).toBe(true);
  });
});

describe('resolveSecret', () => {
  it('reads os.environ/ and os.file/ references and leaves literals alone', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'gh-secret-')), 'key');
    writeFileSync(file, 'sk-from-file\n');
    expect(resolveSecret('os.environ/GH_T', { GH_T: 'sk-env' })).toBe('sk-env');
    expect(resolveSecret(`os.file/${file}`)).toBe('sk-from-file');
    expect(resolveSecret('literal')).toBe('literal');
  });

  it('names the missing variable, never a value', () => {
    expect(() => resolveSecret('os.environ/GH_MISSING', {})).toThrow(SecretNotFoundError);
    expect(() => resolveSecret('os.environ/GH_MISSING', {})).toThrow('environment variable GH_MISSING is not set');
  });
});
