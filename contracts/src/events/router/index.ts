export * from './deployment-cooled-down.v1';
export * from './deployment-recovered.v1';
