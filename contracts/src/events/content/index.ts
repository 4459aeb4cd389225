export * from './envelope';
export * from './data-keys';
export * from './captured.v1';
export * from './forgotten.v1';
export * from './captured.v2';
