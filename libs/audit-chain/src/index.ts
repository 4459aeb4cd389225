export * from './canonical';
export * from './chain';
export * from './anchor';
export * from './verify';
