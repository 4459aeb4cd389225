import { GatehouseError } from '@gatehouse/contracts';
import { dropUnsupportedParams, rulesFor, UNSUPPORTED_CHAT_PARAMS } from './drop-params';

const mock = UNSUPPORTED_CHAT_PARAMS.mock;
const base = { model: 'm', messages: [] as unknown[] };

describe('dropUnsupportedParams', () => {
  it.each([
    [{ n: 1 }],
    [{ n: null }],
    [{ logprobs: false }],
    [{ temperature: 0.5 }],
  ])('keeps %j as it is', (extra) => {
    const req = { ...base, ...extra };
    const out = dropUnsupportedParams(req, mock, false, 'mock');
    expect(out).toEqual({ request: req, dropped: [] });
    expect(out.request).toBe(req);
  });

  it.each([
    [{ n: 2 }, ['n']],
    [{ logprobs: true, top_logprobs: 3 }, ['logprobs', 'top_logprobs']],
    [{ n: 3, logprobs: true, temperature: 1 }, ['n', 'logprobs']],
    [{ logit_bias: { '50256': -100 } }, ['logit_bias']],
  ])('drops %j → %j when drop_params is on', (extra, dropped) => {
    const req = { ...base, ...extra };
    const out = dropUnsupportedParams(req, mock, true, 'mock');
    expect(out.dropped).toEqual(dropped);
    for (const p of dropped) expect(out.request).not.toHaveProperty(p);
    expect(req).toMatchObject(extra); // the input is not mutated
  });

  it('refuses with a 400 naming the first parameter when drop_params is off', () => {
    let err: unknown;
    try {
      dropUnsupportedParams({ ...base, logprobs: true, n: 2 }, mock, false, 'Provider mock');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(GatehouseError);
    const e = err as GatehouseError;
    expect(e.status).toBe(400);
    expect(e.toOpenAI().error.param).toBe('n');
    expect(e.message).toContain('drop_params');
  });
});

describe('rulesFor', () => {
  it('unites the rules of every provider of a group, each parameter once', () => {
    const rules = rulesFor(UNSUPPORTED_CHAT_PARAMS, ['openai', 'mock', 'groq']);
    expect(rules.map((r) => r.param)).toEqual(['n', 'logprobs', 'top_logprobs', 'logit_bias']);
    expect(rulesFor(UNSUPPORTED_CHAT_PARAMS, ['openai'])).toEqual([]);
  });
});
