export * from './litellm-schema';
export * from './gateway-config';
export * from './compile';
export * from './load';
export * from './secrets';
export * from './config.module';
export * from './runtime-file';
