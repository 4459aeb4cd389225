import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * What a running `npm start` tells other local tools (the `gatehouse` CLI): where its NATS is,
 * since the embedded one may have taken a free port. Lives at `<data dir>/runtime.json`.
 */
export interface RuntimeInfo {
  natsUrl: string;
  httpPort: number;
  pid: number;
}

export function runtimeFilePath(dataDir = process.env.GATEHOUSE_DATA_DIR || '.data'): string {
  return join(resolve(dataDir), 'runtime.json');
}

export function writeRuntimeFile(dataDir: string, info: RuntimeInfo): void {
  writeFileSync(runtimeFilePath(dataDir), `${JSON.stringify(info)}\n`);
}

export function removeRuntimeFile(dataDir: string): void {
  rmSync(runtimeFilePath(dataDir), { force: true });
}

/** The running gateway's info, or null when none is recorded (or its launcher is gone). */
export function readRuntimeFile(dataDir?: string): RuntimeInfo | null {
  try {
    const info = JSON.parse(readFileSync(runtimeFilePath(dataDir), 'utf8')) as RuntimeInfo;
    process.kill(info.pid, 0); // throws when that launcher no longer runs
    return info;
  } catch {
    return null;
  }
}
