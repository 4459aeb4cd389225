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
const loggers = new Set<Logger>();
export const LogLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LogLevels)[number];

/** Changes the level of every logger of this process at run time (`gatehouse log-level`). */
export function setLogLevel(level: LogLevel): void {
  for (const l of loggers) l.level = level;
}

export function createLogger(service: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  const logger = pino({
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
  loggers.add(logger);
  return logger;
}

/**
 * NestJS's logger interface over pino, so framework and `new Logger(ctx)` lines are JSON with the
 * service name, scrubbed like every other line, and follow run-time level changes.
 */
export class PinoNestLogger {
  constructor(private readonly pino: Logger) {}
  /** Nest's `log` is framework chatter (routes mapped, modules loaded): debug, not info. */
  log(message: unknown, context?: string): void {
    this.pino.debug({ context }, String(message));
  }
  /** A `{msg, ...fields}` object is logged as fields (request and trace ids), anything else as text. */
  error(message: unknown, trace?: string, context?: string): void {
    if (message !== null && typeof message === 'object' && typeof (message as { msg?: unknown }).msg === 'string') {
      const { msg, ...fields } = message as { msg: string };
      this.pino.error({ context, trace, ...fields }, msg);
      return;
    }
    this.pino.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string): void {
    this.pino.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string): void {
    this.pino.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string): void {
    this.pino.trace({ context }, String(message));
  }
}

export function forRequest(logger: Logger, requestId: string | null | undefined, traceId: string | null | undefined): Logger {
  return logger.child({ request_id: requestId ?? undefined, trace_id: traceId ?? undefined });
}
