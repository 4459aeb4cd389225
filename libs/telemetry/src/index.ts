export * from './logger';
export * from './scrub';
export * from './trace';
