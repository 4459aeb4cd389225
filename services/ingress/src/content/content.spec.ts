import { randomBytes } from 'node:crypto';
import type { ChatCompletionRequest } from '@gatehouse/contracts';
import { ContentSettings } from '@gatehouse/config';
import { anyPolicyStores, contentPlan } from './content-policy';
import { CompletionText, contentDocument } from './content-document';
import { MasterKeyError, open, openContent, parseMasterKey, seal, sealContent, UndecryptableError } from './envelope-crypto';

describe('envelope crypto (AES-256-GCM, node:crypto)', () => {
  const key = randomBytes(32);

  it.each([
    ['hex', 'ab'.repeat(32)],
    ['base64', Buffer.alloc(32, 7).toString('base64')],
  ])('parses a %s master key', (_k, text) => expect(parseMasterKey(text)).toHaveLength(32));

  it.each([['short', 'abc'], ['31 bytes', Buffer.alloc(31).toString('hex')], ['passphrase', 'correct horse battery staple']])('refuses a %s master key without echoing it', (_k, text) => {
    expect(() => parseMasterKey(text)).toThrow(MasterKeyError);
    expect(() => parseMasterKey(text)).toThrow(expect.objectContaining({ message: expect.not.stringContaining(text) }));
  });

  it('round-trips, and fails on another key, another context or a flipped bit', () => {
    const s = seal(key, Buffer.from('hello'), 'ctx');
    expect(open(key, s, 'ctx').toString()).toBe('hello');
    expect(() => open(randomBytes(32), s, 'ctx')).toThrow(UndecryptableError);
    expect(() => open(key, s, 'other')).toThrow(UndecryptableError);
    const flipped = Buffer.from(s.ciphertext, 'base64');
    flipped[0] ^= 1;
    expect(() => open(key, { ...s, ciphertext: flipped.toString('base64') }, 'ctx')).toThrow(UndecryptableError);
  });

  it('seals content bound to its request, with a hash over the ciphertext, never the plaintext', () => {
    const e = sealContent(key, { name: 't_x.team', id: 'dk_1' }, 'req_1', { secret: 'PLAINTEXT-MARKER' });
    expect(JSON.stringify(e)).not.toContain('PLAINTEXT-MARKER');
    expect(Buffer.from(e.ciphertext, 'base64').toString('latin1')).not.toContain('PLAINTEXT-MARKER');
    expect(e.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(openContent(key, 'req_1', e)).toEqual({ secret: 'PLAINTEXT-MARKER' });
    expect(() => openContent(key, 'req_2', e)).toThrow(UndecryptableError); // moved to another request
  });
});

describe('contentPlan', () => {
  const settings = ContentSettings.parse({
    default: { logging: 'none' },
    teams: { a: { logging: 'full', retention_days: 30 }, r: { logging: 'redacted' }, m: { logging: 'metadata', retention_days: 7 } },
  });
  it.each([
    ['a', true, { level: 'full', retentionDays: 30 }],
    ['r', true, { level: 'redacted', retentionDays: null }],
    ['r', false, { level: 'metadata', retentionDays: null }], // no guard: never the unredacted text
    ['m', true, { level: 'metadata', retentionDays: 7 }],
    ['other', true, null],
    [null, true, null],
  ] as const)('team %s (guard ran: %s) → %j', (team, guard, plan) => expect(contentPlan(settings, team, guard)).toEqual(plan));

  it('knows when a master key is needed', () => {
    expect(anyPolicyStores(settings)).toBe(true);
    expect(anyPolicyStores(ContentSettings.parse({}))).toBe(false);
  });
});

describe('CompletionText and contentDocument', () => {
  const chunk = (o: unknown) => Buffer.from(JSON.stringify(o));
  const req = { model: 'm', messages: [{ role: 'user', content: 'hi there' }] } as ChatCompletionRequest;

  it('assembles streamed deltas (content and tool calls) as they pass', () => {
    const t = new CompletionText();
    t.chunk(chunk({ choices: [{ index: 0, delta: { role: 'assistant', content: 'Hel' } }] }));
    t.chunk(chunk({ choices: [{ index: 0, delta: { content: 'lo' } }] }));
    t.chunk(chunk({ choices: [{ index: 0, delta: { tool_calls: [{ index: 0, function: { name: 'f', arguments: '{"a"' } }] } }] }));
    t.chunk(chunk({ choices: [{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: ':1}' } }] }, finish_reason: 'stop' }] }));
    t.chunk(Buffer.from('not json'));
    expect(t.list).toEqual([{ index: 0, content: 'Hello', tool_calls: [{ name: 'f', arguments: '{"a":1}' }], finish_reason: 'stop' }]);
  });

  it('keeps only the shape at metadata level, texts at redacted/full', () => {
    const t = new CompletionText();
    t.chunk(chunk({ choices: [{ index: 0, delta: { content: 'secret answer' }, finish_reason: 'stop' }] }));
    const meta = contentDocument('metadata', req, t);
    expect(JSON.stringify(meta)).not.toMatch(/hi there|secret answer/);
    expect(meta.shape).toEqual({ model: 'm', messages: [{ role: 'user', chars: 8 }], completion: [{ index: 0, chars: 13, tool_calls: [], finish_reason: 'stop' }], complete: false });
    expect(JSON.stringify(contentDocument('full', req, t))).toMatch(/hi there.*secret answer/);
  });

  it('stores no PII or secret the model wrote at the redacted level (content and tool arguments); full keeps them', () => {
    const t = new CompletionText();
    t.chunk(chunk({ choices: [{ index: 0, delta: { content: 'Mail jane.doe@example.com, card 4111 1111 1111 1111.' } }] }));
    t.chunk(chunk({ choices: [{ index: 0, delta: { tool_calls: [{ index: 0, function: { name: 'pay', arguments: '{"card":"4111111111111111"}' } }] }, finish_reason: 'stop' }] }));
    const redacted = JSON.stringify(contentDocument('redacted', req, t));
    expect(redacted).not.toContain('jane.doe@example.com');
    expect(redacted).not.toMatch(/4111.?1111.?1111.?1111/);
    expect(redacted).toContain('[REDACTED_EMAIL]');
    expect(redacted).toContain('[REDACTED_CARD]');
    expect(JSON.stringify(contentDocument('full', req, t))).toContain('jane.doe@example.com');
  });

  it('says when the answer was served from the cache, at every level', () => {
    const t = new CompletionText();
    const cache = { status: 'hit' as const, entry_request_id: 'req_paid', saved_usd: 0.02 };
    expect(contentDocument('metadata', req, t, cache)).toMatchObject({ level: 'metadata', cache });
    expect(contentDocument('full', req, t, cache)).toMatchObject({ level: 'full', cache, request: { messages: req.messages } });
    expect(contentDocument('full', req, t)).not.toHaveProperty('cache');
  });
});
