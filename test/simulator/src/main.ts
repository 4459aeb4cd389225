/**
 * Runs the simulator as its own process for the benchmark and manual testing:
 *   node dist/test/simulator/src/main.js [--port 0] [--host 127.0.0.1] [--api-key KEY] [--record-limit N]
 * Prints the API base URL (e.g. `http://127.0.0.1:4010/v1`) on the first stdout line; the admin API
 * is at the same origin under `/__sim/`. SIGINT/SIGTERM close it.
 */
import { start } from './simulator';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
}

async function main(): Promise<void> {
  const sim = await start({
    port: Number(arg('port') ?? 0),
    host: arg('host'),
    apiKey: arg('api-key') ?? null,
    // Benchmarks send many requests: keep only a few for inspection by default.
    recordLimit: Number(arg('record-limit') ?? 1000),
  });
  process.stdout.write(`${sim.url}\n`);
  const stop = () => void sim.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`simulator failed to start: ${String(err)}\n`);
  process.exit(1);
});
