import { sseEvents } from './events';

/** A body whose chunks the test releases one at a time. */
function controlledBody() {
  const queue: ((v: IteratorResult<Uint8Array>) => void)[] = [];
  const pending: IteratorResult<Uint8Array>[] = [];
  const body: AsyncIterable<Uint8Array> = {
    [Symbol.asyncIterator]: () => ({
      next: () => new Promise((resolve) => (pending.length ? resolve(pending.shift()!) : queue.push(resolve))),
    }),
  };
  const push = (r: IteratorResult<Uint8Array>) => (queue.length ? queue.shift()!(r) : pending.push(r));
  return { body, send: (text: string) => push({ value: Buffer.from(text), done: false }), end: () => push({ value: undefined, done: true }) };
}

describe('sseEvents', () => {
  it('yields each event as soon as its bytes arrive, before the body ends', async () => {
    const { body, send, end } = controlledBody();
    const events = sseEvents(body);
    send('data: one\n\nda');
    expect(await events.next()).toEqual({ done: false, value: expect.objectContaining({ data: 'one' }) });
    const second = events.next();
    send('ta: two\n');
    send('\n');
    expect((await second).value).toMatchObject({ data: 'two' });
    end();
    expect((await events.next()).done).toBe(true);
  });

  it('parses event names, ids, multi-line data and skips comments', async () => {
    const { body, send, end } = controlledBody();
    send(': comment\nevent: error\nid: 7\ndata: a\ndata: b\n\ndata: c\r\n\r\n');
    end();
    const out = [];
    for await (const e of sseEvents(body)) out.push(e);
    expect(out).toEqual([{ event: 'error', id: '7', data: 'a\nb' }, { event: undefined, id: undefined, data: 'c' }]);
  });

  it('drops an event that never got its blank line', async () => {
    const { body, send, end } = controlledBody();
    send('data: complete\n\ndata: partial');
    end();
    const out = [];
    for await (const e of sseEvents(body)) out.push(e.data);
    expect(out).toEqual(['complete']);
  });
});
