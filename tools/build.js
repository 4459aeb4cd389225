// Compiles every TypeScript source of the workspace into dist/ with swc (decorator metadata
// included, `@gatehouse/*` aliases rewritten to relative paths), skipping tests.
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const roots = ['contracts', 'libs', 'services', 'test', 'bench', 'tools/cli'].filter((d) =>
  require('node:fs').existsSync(path.join(__dirname, '..', d)),
);
execFileSync(
  process.execPath,
  [
    require.resolve('@swc/cli/bin/swc.js'),
    ...roots,
    '-d', 'dist', '--quiet', '--copy-files',
    '--ignore', '**/*.spec.ts',
  ],
  { cwd: path.join(__dirname, '..'), stdio: 'inherit' },
);
