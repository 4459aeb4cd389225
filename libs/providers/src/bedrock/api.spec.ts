import { encodePathSegment, modelIdOf, operationPath, resolveTarget, signRequest } from './api';

const CREDS = { aws_access_key_id: 'AKIDEXAMPLE', aws_secret_access_key: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const dep = (providerModel: string, apiBase: string | null = null) => ({ providerModel, apiBase });

describe('model ids and paths', () => {
  it.each([
    ['anthropic.claude-3-5-sonnet-20240620-v1:0', 'anthropic.claude-3-5-sonnet-20240620-v1:0'],
    ['converse/meta.llama3-1-70b-instruct-v1:0', 'meta.llama3-1-70b-instruct-v1:0'],
    ['us.anthropic.claude-3-5-haiku-20241022-v1:0', 'us.anthropic.claude-3-5-haiku-20241022-v1:0'],
  ])('%s → model id %s', (providerModel, id) => expect(modelIdOf(providerModel)).toBe(id));

  it.each([
    ['anthropic.claude-3-5-sonnet-20240620-v1:0', 'anthropic.claude-3-5-sonnet-20240620-v1%3A0'],
    ['arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.meta.llama3', 'arn%3Aaws%3Abedrock%3Aus-east-1%3A123456789012%3Ainference-profile%2Fus.meta.llama3'],
    ["odd(name)!*'", 'odd%28name%29%21%2A%27'],
  ])('%s is encoded as %s', (id, encoded) => expect(encodePathSegment(id)).toBe(encoded));

  it('operation paths keep an api_base prefix', () => {
    expect(operationPath({ prefix: '', modelId: 'a.b-v1:0' }, 'converse-stream')).toBe('/model/a.b-v1%3A0/converse-stream');
    expect(operationPath({ prefix: '/proxy/bedrock', modelId: 'x' }, 'invoke')).toBe('/proxy/bedrock/model/x/invoke');
  });
});

describe('resolveTarget', () => {
  it.each([
    [{}, null, 'https://bedrock-runtime.us-east-1.amazonaws.com', 'us-east-1'],
    [{ aws_region_name: 'eu-central-1' }, null, 'https://bedrock-runtime.eu-central-1.amazonaws.com', 'eu-central-1'],
    [{ aws_region_name: 'us-gov-west-1' }, 'http://127.0.0.1:4010', 'http://127.0.0.1:4010', 'us-gov-west-1'],
    [{ aws_bedrock_runtime_endpoint: 'https://vpce-1.bedrock-runtime.us-east-1.vpce.amazonaws.com' }, null, 'https://vpce-1.bedrock-runtime.us-east-1.vpce.amazonaws.com', 'us-east-1'],
  ])('%j with api_base %p → %s', (params, apiBase, origin, region) => {
    expect(resolveTarget(dep('m', apiBase), { ...CREDS, ...params })).toMatchObject({ origin, region, modelId: 'm' });
  });

  it.each([
    [{}, 'auth', /aws_access_key_id and aws_secret_access_key are required/],
    [{ ...CREDS, aws_region_name: 'us-east-1/../x' }, 'bad_request', /not a region/],
  ])('%j → %s', (params, kind, message) => {
    expect(() => resolveTarget(dep('m'), params)).toThrow(message);
    expect(() => resolveTarget(dep('m'), params)).toThrow(expect.objectContaining({ kind }));
  });

  it('a session token is kept with the keys', () => {
    expect(resolveTarget(dep('m'), { ...CREDS, aws_session_token: 'tok' }).credentials).toEqual({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: CREDS.aws_secret_access_key, sessionToken: 'tok' });
  });
});

describe('signRequest', () => {
  const target = resolveTarget(dep('anthropic.claude-v2:1'), { ...CREDS, aws_region_name: 'us-west-2' });
  const at = new Date(Date.UTC(2024, 5, 20, 12, 30, 0));

  it('signs host, content type, accept, date and payload hash, scoped to bedrock in the region', async () => {
    const signed = await signRequest(target, operationPath(target, 'converse'), '{"messages":[]}', 'application/json', at);
    expect(signed.path).toBe('/model/anthropic.claude-v2%3A1/converse');
    expect(signed.headers).toMatchObject({
      host: 'bedrock-runtime.us-west-2.amazonaws.com',
      'content-type': 'application/json',
      accept: 'application/json',
      'x-amz-date': '20240620T123000Z',
      'x-amz-content-sha256': expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(signed.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/20240620\/us-west-2\/bedrock\/aws4_request, SignedHeaders=accept;content-type;host;x-amz-content-sha256;x-amz-date, Signature=[0-9a-f]{64}$/,
    );
  });

  it('is deterministic, and changes with the body and the secret', async () => {
    const sig = async (body: string, t = target) => (await signRequest(t, '/model/x/converse', body, 'application/json', at)).headers.authorization;
    expect(await sig('{}')).toBe(await sig('{}'));
    expect(await sig('{}')).not.toBe(await sig('{ }'));
    const other = { ...target, credentials: { ...target.credentials, secretAccessKey: 'other' } };
    expect(await sig('{}')).not.toBe(await sig('{}', other));
  });
});
