import type { Row } from './row';
import { Agent1 } from './agent-1';
import { Agent2 } from './agent-2';
import { Agent3 } from './agent-3';
import { Agent4 } from './agent-4';
import { Agent5 } from './agent-5';
import { Agent6 } from './agent-6';
import { Agent7 } from './agent-7';
import { Agent8 } from './agent-8';
import { Agent9 } from './agent-9';
import { Agent10 } from './agent-10';
import { Agent11 } from './agent-11';
import { Agent12 } from './agent-12';
/** All rows of the `agent` slice: tool-using LLM agent traffic. Written for this repository. */
export const AgentRows: Row[] = [
  ...Agent1, ...Agent2, ...Agent3, ...Agent4, ...Agent5, ...Agent6, ...Agent7, ...Agent8, ...Agent9, ...Agent10, ...Agent11, ...Agent12,
];
