import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Supervised as SupervisedType } from './supervisor';

// The built module: a child is forked with `--require child-preload.js`, which exists in dist/
// (`npm test` builds first), not beside the TypeScript source.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Supervised } = require('../../../dist/services/launcher/src/supervisor') as { Supervised: typeof SupervisedType };

/** A tiny service that reports ready on stdout after `delayMs`, as the real ones do. */
function slowService(delayMs: number): string {
  const script = join(mkdtempSync(join(tmpdir(), 'gh-sup-')), 'slow.js');
  writeFileSync(script, `setTimeout(() => console.log(JSON.stringify({ msg: 'router ready' })), ${delayMs}); setInterval(() => undefined, 1000);`);
  return script;
}

describe('Supervised', () => {
  let child: SupervisedType | null = null;
  afterEach(async () => child?.stop());

  it('start() gives up waiting after its timeout, whenReady() waits for the ready line itself', async () => {
    const notes: string[] = [];
    child = new Supervised(
      { service: 'router', replica: 0, label: 'router#0', script: slowService(400), env: {}, clusterWorker: false },
      { out: () => undefined, err: () => undefined, note: (m) => notes.push(m) },
    );
    const t0 = Date.now();
    await child.start(50);
    expect(notes.join('\n')).toContain('router#0 did not report ready within 50 ms');
    await child.whenReady();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(350);
    // Once ready, at once.
    const t1 = Date.now();
    await child.whenReady();
    expect(Date.now() - t1).toBeLessThan(50);
  });
});
