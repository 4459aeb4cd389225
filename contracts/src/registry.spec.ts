import { AllEventContracts, AllRpcContracts } from './registry';
import { Streams } from './streams';

describe('contracts', () => {
  it.each(AllRpcContracts.map((c) => [c.subject, c] as const))('%s: example request and reply validate', (_s, c) => {
    expect(c.subject).toMatch(/^gh\.rpc\.[a-z]+\.[a-z_]+\.v\d+$/);
    expect(c.request.safeParse(c.example.request).success).toBe(true);
    expect(c.response.safeParse(c.example.response).success).toBe(true);
  });

  it.each(AllEventContracts.map((e) => [e.subject, e] as const))('%s: example validates and lives in its stream', (_s, e) => {
    expect(e.subject).toMatch(/^gh\.evt\.[a-z]+\.[a-z_]+\.v\d+$/);
    expect(e.schema.safeParse(e.example).success).toBe(true);
    const stream = Streams[e.stream];
    // A stream may hold several families (GH_IDENTITY: key and team).
    expect((stream.subjects as readonly string[]).some((s) => e.subject.startsWith(s.replace('>', '')))).toBe(true);
  });

  it('subjects are unique', () => {
    const all = [...AllRpcContracts, ...AllEventContracts].map((c) => c.subject);
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('contracts/README.md', () => {
  const readme = require('node:fs').readFileSync(`${__dirname}/../README.md`, 'utf8') as string;

  it.each([...AllRpcContracts, ...AllEventContracts].map((c) => c.subject))('documents %s', (subject) => {
    expect(readme).toContain(`\`${subject}\``);
  });

  it.each(Object.keys(Streams))('documents stream %s', (name) => {
    expect(readme).toContain(`\`${name}\``);
  });
});
