import { GatehouseError } from '@gatehouse/contracts';
import { GenerateBody, keyFields, parse, RegenerateBody, UpdateBody } from './admin-bodies';

const refusal = (fn: () => unknown): GatehouseError => {
  try {
    fn();
  } catch (err) {
    if (err instanceof GatehouseError) return err;
    throw err;
  }
  throw new Error('expected a GatehouseError');
};

describe('a key body\'s project: `project`, or LiteLLM\'s `project_id`', () => {
  it('takes LiteLLM\'s project_id on /key/generate as the key\'s project', () => {
    const fields = parse(GenerateBody, { key_alias: 'invoices-prod', project_id: 'invoices' }, 'body');
    expect(fields).toEqual({ key_alias: 'invoices-prod', project: 'invoices' });
    expect(fields).not.toHaveProperty('project_id');
  });

  it('keeps Gatehouse\'s own spelling as it was', () => {
    expect(parse(GenerateBody, { project: 'invoices' }, 'body')).toEqual({ project: 'invoices' });
    expect(parse(GenerateBody, {}, 'body')).toEqual({});
  });

  it('moves and clears a key\'s project on /key/update with either name', () => {
    const moved = parse(UpdateBody, { key: 'key_7Qd2', project_id: 'billing' }, 'body');
    expect(keyFields(moved, 'key')).toEqual({ project: 'billing' });
    expect(keyFields(parse(UpdateBody, { key: 'key_7Qd2', project_id: null }, 'body'), 'key')).toEqual({ project: null });
  });

  it('accepts it on /key/regenerate, as the other key fields', () => {
    const b = parse(RegenerateBody, { key: 'key_7Qd2', grace_period: '1h', project_id: 'billing' }, 'body');
    expect(keyFields(b, 'key', 'grace_period')).toEqual({ project: 'billing' });
  });

  it('accepts both names when they agree, and refuses them when they do not', () => {
    expect(parse(GenerateBody, { project: 'invoices', project_id: 'invoices' }, 'body')).toEqual({ project: 'invoices' });
    const err = refusal(() => parse(GenerateBody, { project: 'invoices', project_id: 'billing' }, '/key/generate body'));
    expect(err.code).toBe('invalid_request');
    expect(err.message).toContain('project_id');
    expect(err.message).not.toContain('billing'); // a 400 never echoes values
  });

  it('validates project_id as project is validated', () => {
    expect(refusal(() => parse(GenerateBody, { project_id: '' }, 'body')).message).toContain('project_id');
    expect(refusal(() => parse(GenerateBody, { project_id: 'x'.repeat(129) }, 'body')).message).toContain('project_id');
    expect(refusal(() => parse(GenerateBody, { project_id: 7 }, 'body')).message).toContain('project_id');
  });

  it('still refuses a LiteLLM field Gatehouse does not implement', () => {
    expect(refusal(() => parse(GenerateBody, { project_id: 'invoices', organization_id: 'org_1' }, 'body')).message).toContain('organization_id');
  });
});
