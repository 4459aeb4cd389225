import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/**
 * Module boundaries (the Nx tags in each project.json): services share nothing but `contracts/`
 * and `libs/`; libraries never reach into services; contracts depend on zod alone. Tests may
 * cross these lines, production code may not.
 */
const ROOT = resolve(__dirname, '../..');

function sources(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.ts') && !p.endsWith('.spec.ts')) out.push(p);
    }
  };
  walk(join(ROOT, dir));
  return out;
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import|require\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
}

function target(file: string, spec: string): string {
  return spec.startsWith('.') ? relative(ROOT, resolve(file, '..', spec)) : spec;
}

const services = readdirSync(join(ROOT, 'services'));

describe('module boundaries', () => {
  it.each(services)('services/%s imports no other service', (service) => {
    const bad = sources(`services/${service}/src`).flatMap((f) =>
      imports(f)
        .map((s) => target(f, s))
        .filter((t) => t.startsWith('services/') && !t.startsWith(`services/${service}/`))
        .map((t) => `${relative(ROOT, f)} → ${t}`),
    );
    expect(bad).toEqual([]);
  });

  it('libraries import no service', () => {
    const bad = sources('libs').flatMap((f) => imports(f).map((s) => target(f, s)).filter((t) => t.startsWith('services/')).map((t) => `${relative(ROOT, f)} → ${t}`));
    expect(bad).toEqual([]);
  });

  it('contracts depend on zod alone', () => {
    const bad = sources('contracts/src').flatMap((f) =>
      imports(f).filter((s) => !s.startsWith('.') && s !== 'zod').map((s) => `${relative(ROOT, f)} → ${s}`),
    );
    expect(bad).toEqual([]);
  });
});
