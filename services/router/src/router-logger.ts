import { createLogger, type Logger } from '@gatehouse/telemetry';

/** The router's pino logger (JSON lines, secrets scrubbed); request lines carry request and trace ids. */
export const ROUTER_LOGGER = Symbol('ROUTER_LOGGER');
export const routerLogger = (): Logger => createLogger('router');
