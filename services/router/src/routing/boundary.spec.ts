import type { Deployment } from '@gatehouse/config';
import { deploymentTags, requiredTagsOf, withinBoundary } from './boundary';

const dep = (tags: string[], modelInfo: Record<string, unknown> = {}, provider = 'openai') => ({ tags, modelInfo, provider }) as unknown as Deployment;

describe('deploymentTags', () => {
  it('joins written tags with those derived from model_info and the provider', () => {
    const t = deploymentTags(dep(['eu'], { region: 'eu-west-1', self_hosted: true, data_classification: 'confidential', tags: ['gpu'] }, 'vllm'));
    expect([...t].sort()).toEqual(['classification:confidential', 'eu', 'gpu', 'provider:vllm', 'region:eu-west-1', 'self_hosted']);
  });
});

describe('withinBoundary', () => {
  const tags = new Set(['self_hosted', 'region:eu-west-1']);
  it.each([
    [[], true],
    [['self_hosted'], true],
    [['self_hosted', 'region:eu-west-1'], true],
    [['region:us-east-1'], false],
    [['region:us-east-1|region:eu-west-1'], true],
    [['self_hosted', 'classification:confidential'], false],
  ])('requires %j → %s', (required, ok) => {
    expect(withinBoundary(tags, required)).toBe(ok);
  });
});

describe('requiredTagsOf', () => {
  it('reads strings from metadata.required_tags and ignores anything else', () => {
    expect(requiredTagsOf({ required_tags: ['self_hosted', 3, ''] })).toEqual(['self_hosted']);
    expect(requiredTagsOf({ required_tags: 'eu' })).toEqual([]);
    expect(requiredTagsOf(undefined)).toEqual([]);
  });
});
