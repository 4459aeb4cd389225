import { once } from 'node:events';

/** Where a command writes: stdout with back-pressure, warnings on stderr. */
export interface Output {
  write(text: string): Promise<void>;
  undecodable(seq: number, subject: string): void;
}

export function streamOutput(stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream): Output {
  return {
    async write(text) {
      if (!stdout.write(text)) await once(stdout, 'drain');
    },
    undecodable(seq, subject) {
      stderr.write(`gatehouse: warning: message ${seq} on ${subject} is not JSON; skipped\n`);
    },
  };
}
