import type { Row } from './row';
import { Traffic1 } from './traffic-1';
import { Traffic2 } from './traffic-2';

/** One simulated day of LLM-gateway traffic at a mid-size company, balanced for evaluation. */
export const TrafficRows: Row[] = [...Traffic1, ...Traffic2];
