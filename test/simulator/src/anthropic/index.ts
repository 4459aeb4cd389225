export { ANTHROPIC_PATHS, handleAnthropic } from './handler';
export { inputTokens, planMessages, type MessagesBody, type MessagesPlan } from './plan';
