export { start, type Simulator, type SimulatorOptions } from './simulator';
export { FaultBook, type Fault, type FaultInput, type Latency, type LatencyInput } from './faults';
export type { RecordedRequest } from './request-log';
export { countWords } from './text';
export * from './wire-types';
export { BEDROCK_SIM_CREDENTIALS } from './bedrock';
