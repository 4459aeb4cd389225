export * from './embedded-postgres';
export * from './nats-server';
export * from './ports';
export { DataDirInUseError, clearLeftoverPostmaster } from './postmaster';
export { DataDirUnreachableError } from './data-dir';
export { stopChild } from './child';
