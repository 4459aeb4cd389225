import type { ChatCompletionRequest } from '@gatehouse/contracts';
import { BuiltInDetectors, decide, GuardSettings, MaskVault, resolvePolicy, scanUnits } from '@gatehouse/detectors';
import { applyEdits, toVerdict } from './apply';
import { OutputGuard } from './output-guard';
import { toUnits } from './units';

const policy = resolvePolicy(GuardSettings.parse({ actions: { 'pii.email': 'mask' } }), null, 500);

describe('toUnits', () => {
  it('gives each text its origin: system, user, attachments as context, tool results', () => {
    const { units, refs } = toUnits([
      { role: 'system', content: 'be nice' },
      { role: 'user', content: [{ type: 'text', text: 'summarise' }, { type: 'image_url', image_url: { url: 'x' } }, { type: 'text', text: 'attached doc' }] },
      { role: 'tool', tool_call_id: 'c', content: 'tool says hi' },
    ] as ChatCompletionRequest['messages']);
    expect(units.map((u) => u.origin)).toEqual(['system', 'user', 'context', 'tool']);
    expect(refs).toEqual([{ message: 0, part: null }, { message: 1, part: 0 }, { message: 1, part: 2 }, { message: 2, part: null }]);
  });
});

describe('applyEdits / toVerdict', () => {
  it('rewrites only the affected parts and keeps the text out of the verdict', () => {
    const req = { model: 'm', messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }, { type: 'text', text: 'mail a@b.io card 4111 1111 1111 1111' }] }] } as ChatCompletionRequest;
    const { units, refs } = toUnits(req.messages);
    const { action, decided } = decide(scanUnits(units, BuiltInDetectors), policy.actions, policy.minScore);
    const vault = new MaskVault();
    const out = applyEdits(req, units, refs, decided, vault);
    expect((out.messages[0].content as { text: string }[])[1].text).toBe('mail <EMAIL_1> card [REDACTED_CARD]');
    expect((req.messages[0].content as { text: string }[])[1].text).toContain('a@b.io'); // the original is untouched
    const v = toVerdict(action, decided, units, refs, 'ok');
    expect(v.findings.map((f) => [f.detector, f.action, f.message_index, f.origin])).toEqual([['pii.email', 'mask', 0, 'context'], ['pii.payment_card', 'redact', 0, 'context']]);
    expect(JSON.stringify(v)).not.toMatch(/a@b\.io|4111/);
  });
});

describe('OutputGuard', () => {
  const chunk = (content: string, finish: string | null = null) => Buffer.from(JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: { content }, finish_reason: finish }] }));
  const text = (b: Uint8Array | null) => (b ? (JSON.parse(Buffer.from(b).toString()) as { choices: { delta: { content?: string } }[] }).choices[0]?.delta.content ?? '' : '');

  it('restores a token split across chunks and redacts a card the model writes', () => {
    const vault = new MaskVault();
    vault.tokenFor('EMAIL', 'jane@example.com');
    let found: unknown[] = [];
    const g = new OutputGuard(policy, vault, (f) => (found = f));
    const outs = ['Write to <EMA', 'IL_1> with card 4111 1111', ' 1111 1111 now', '.'].map((c, i, all) => text(g.chunk(chunk(c, i === all.length - 1 ? 'stop' : null))));
    expect(outs.join('') + text(g.finish())).toBe('Write to jane@example.com with card [REDACTED_CARD] now.');
    expect(outs[0]).toBe('Write to ');
    expect(found).toEqual([expect.objectContaining({ detector: 'pii.payment_card', direction: 'outbound', action: 'redact' })]);
  });

  it('passes bytes through untouched when it has nothing to do', () => {
    const g = new OutputGuard({ ...policy, outbound: { enabled: false, actions: {} } }, new MaskVault(), () => undefined);
    const raw = chunk('hello');
    expect(g.chunk(raw)).toBe(raw);
  });

  it('blocks a completion whose policy says block', () => {
    const strict = { ...policy, outbound: { enabled: true, actions: { 'secret.*': 'block' as const } } };
    const g = new OutputGuard(strict, new MaskVault(), () => undefined);
    const c = { id: 'x', object: 'chat.completion' as const, created: 1, model: 'm', choices: [{ index: 0, message: { role: 'assistant' as const, content: 'key AKIAIOSFODNN7EXAMPLE' }, finish_reason: 'stop' as const }] };
    expect(() => g.completion(c as never)).toThrow(/content policy \(secret\.aws_key\)/);
  });
});
