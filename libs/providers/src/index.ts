export * from './types';
export { adapterFor, supportedProviders } from './registry';
export * from './http';
export * from './sse';
export { createOpenAIAdapter, openAIAdapter, openAIChunks, OPENAI_COMPATIBLE_BASES, OPENAI_COMPATIBLE_PROVIDERS, type OpenAIAdapterOptions } from './openai';
export { createMockAdapter, mockAdapter } from './mock';
