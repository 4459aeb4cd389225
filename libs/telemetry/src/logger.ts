import pino, { type Logger } from 'pino';
import { scrubSecrets, scrubValue } from './scrub';

export type { Logger } from 'pino';

/** Field paths that hold credentials; pino removes them before anything else sees the record. */
const REDACT = [
  'authorization', '*.authorization', 'headers.authorization', 'req.headers.authorization',
  'api_key', '*.api_key', 'apiKey', '*.apiKey', 'key', '*.key', 'master_key', '*.master_key',
  'headers["x-api-key"]', 'headers["api-key"]',
];

/**
 * The service's root logger: JSON lines on stdout with the service name, secrets redacted by path
 * and by pattern. Children carry `request_id` and `trace_id` (`forRequest`). The level is
 * LOG_LEVEL (default info), and may be changed at run time with `logger.level = …`.
 */
export function createLogger(service: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({
    name: service,
    level,
    base: { service, pid: process.pid },
    redact: { paths: REDACT, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: {
      level: (label) => ({ level: label }),
      log: (obj) => scrubValue(obj) as Record<string, unknown>,
    },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((a) => (typeof a === 'string' ? scrubSecrets(a) : a)) as Parameters<typeof method>);
      },
    },
  });
}

export function forRequest(logger: Logger, requestId: string | null | undefined, traceId: string | null | undefined): Logger {
  return logger.child({ request_id: requestId ?? undefined, trace_id: traceId ?? undefined });
}
