export * from './created.v1';
export * from './updated.v1';
export * from './member-added.v1';
