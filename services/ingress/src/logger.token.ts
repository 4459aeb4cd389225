/** The ingress's root pino logger (libs/telemetry), injected where a service logs. */
export const INGRESS_LOGGER = Symbol('INGRESS_LOGGER');
