export * from './logger';
export * from './scrub';
export * from './trace';
export * from './random-hex';
