module.exports = async function globalTeardown() {
  if (globalThis.__GH_EMBEDDED_PG__) await globalThis.__GH_EMBEDDED_PG__.stop();
};
