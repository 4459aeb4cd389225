import type { Row } from './row';
import { Traffic1 } from './traffic-1';
import { Traffic2 } from './traffic-2';
import { Traffic3 } from './traffic-3';
import { Traffic4 } from './traffic-4';
import { Traffic5 } from './traffic-5';
import { Traffic6 } from './traffic-6';
import { Traffic7 } from './traffic-7';
import { Traffic8 } from './traffic-8';
import { Traffic9 } from './traffic-9';
import { Traffic10 } from './traffic-10';

/** One simulated day of LLM-gateway traffic at a mid-size company, balanced for evaluation. */
export const TrafficRows: Row[] = [...Traffic1, ...Traffic2, ...Traffic3, ...Traffic4, ...Traffic5, ...Traffic6, ...Traffic7, ...Traffic8, ...Traffic9, ...Traffic10];
