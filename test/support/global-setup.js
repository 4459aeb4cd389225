// Jest global setup: make sure a real Postgres is reachable for integration tests. Uses
// TEST_DATABASE_URL, else 127.0.0.1:5432; when nothing answers there, starts embedded-postgres
// under .data/test-pg (and global-teardown stops it). NATS needs nothing here: each test file
// starts its own nats-server (libs/testing).
const { Client } = require('pg');
const path = require('node:path');

async function reachable(url) {
  const c = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

module.exports = async function globalSetup() {
  const url = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  if (await reachable(url)) {
    process.env.TEST_DATABASE_URL = url;
    return;
  }
  // Built by `npm run build` (npm test's pretest); shared with the launcher.
  const { startEmbeddedPostgres } = require('../../dist/libs/embedded/src/embedded-postgres');
  const pg = await startEmbeddedPostgres(path.join(__dirname, '../../.data/test-pg'), 54329);
  globalThis.__GH_EMBEDDED_PG__ = pg;
  process.env.TEST_DATABASE_URL = pg.url;
};
