import type { Row } from './row';
import { World1 } from './world-1';
import { World2 } from './world-2';
import { World3 } from './world-3';
import { World4 } from './world-4';
import { World5 } from './world-5';
import { World6 } from './world-6';
import { World7 } from './world-7';
import { World8 } from './world-8';
import { World9 } from './world-9';
import { World10 } from './world-10';
import { World11 } from './world-11';
import { World12 } from './world-12';
import { World13 } from './world-13';
import { World14 } from './world-14';
/** The "world" slice: multilingual, code-switched and obfuscated attacks with benign look-alikes. Written for this repository. */
export const WorldRows: Row[] = [
  ...World1, ...World2, ...World3, ...World4, ...World5, ...World6, ...World7,
  ...World8, ...World9, ...World10, ...World11, ...World12, ...World13, ...World14,
];
