export * from './logger';
export * from './scrub';
export * from './trace';
export * from './random-hex';
export * from './tracing';
export * from './metrics';
