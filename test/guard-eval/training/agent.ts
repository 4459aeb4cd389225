import type { Row } from './row';
import { Agent1 } from './agent-1';
import { Agent2 } from './agent-2';
import { Agent3 } from './agent-3';
/** All rows of the `agent` slice: tool-using LLM agent traffic. Written for this repository. */
export const AgentRows: Row[] = [...Agent1, ...Agent2, ...Agent3];
