export * from './key-event-base';
export * from './issued.v1';
export * from './updated.v1';
export * from './rotated.v1';
export * from './revoked.v1';
