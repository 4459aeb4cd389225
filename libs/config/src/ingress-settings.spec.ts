import { ConfigError, parseConfig } from './load';

const withIngress = (ingress: string) => `
model_list:
  - { model_name: m, litellm_params: { model: mock/m } }
gatehouse:
  ingress: ${ingress}
`;

const problemsOf = (text: string): string[] => {
  try {
    parseConfig(text, 'test.yaml');
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error('expected a ConfigError');
};

describe('gatehouse.ingress', () => {
  it('defaults to a 2 s idle grace and an 8 s drain timeout', () => {
    const config = parseConfig('model_list: []\n', 'test.yaml');
    expect(config.gatehouse.ingress).toEqual({ drain_idle_ms: 2_000, drain_timeout_ms: 8_000 });
  });

  it('takes both from the file, and one alone keeps the other default', () => {
    expect(parseConfig(withIngress('{ drain_idle_ms: 500, drain_timeout_ms: 25000 }'), 't').gatehouse.ingress).toEqual({
      drain_idle_ms: 500,
      drain_timeout_ms: 25_000,
    });
    expect(parseConfig(withIngress('{ drain_idle_ms: 0 }'), 't').gatehouse.ingress).toEqual({ drain_idle_ms: 0, drain_timeout_ms: 8_000 });
    expect(parseConfig(withIngress('{ drain_timeout_ms: "3000" }'), 't').gatehouse.ingress.drain_timeout_ms).toBe(3_000);
  });

  it.each([
    ['{ drain_timeout_ms: 0 }', 'gatehouse.ingress.drain_timeout_ms'],
    ['{ drain_idle_ms: -1 }', 'gatehouse.ingress.drain_idle_ms'],
    ['{ drain_idle_ms: 1.5 }', 'gatehouse.ingress.drain_idle_ms'],
    ['{ drain_timeout_ms: soon }', 'gatehouse.ingress.drain_timeout_ms'],
    ['{ drain_idle_ms: 9000 }', 'gatehouse.ingress.drain_idle_ms: must not exceed drain_timeout_ms'],
    ['{ drain_idle_ms: 100, drain_timeout_ms: 50 }', 'gatehouse.ingress.drain_idle_ms: must not exceed drain_timeout_ms'],
    ['{ drain_grace_ms: 100 }', 'gatehouse.ingress'],
  ])('refuses %s, naming the path', (ingress, path) => {
    const problems = problemsOf(withIngress(ingress));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(path);
  });
});
