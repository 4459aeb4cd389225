export { sseEvents, type SseEvent } from './events';
