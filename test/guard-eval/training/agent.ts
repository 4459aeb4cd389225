import type { Row } from './row';
import { Agent1 } from './agent-1';
/** All rows of the `agent` slice: tool-using LLM agent traffic. Written for this repository. */
export const AgentRows: Row[] = [...Agent1];
