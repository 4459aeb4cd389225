export * from './budget-subject';
export * from './reserved.v1';
export * from './released.v1';
export * from './threshold-reached.v1';
export * from './period';
