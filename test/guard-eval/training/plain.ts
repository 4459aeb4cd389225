import type { Row } from './row';
import { Plain1 } from './plain-1';
import { Plain2 } from './plain-2';
import { Plain3 } from './plain-3';
import { Plain4 } from './plain-4';
import { Plain5 } from './plain-5';
import { Plain6 } from './plain-6';
import { Plain7 } from './plain-7';
import { Plain8 } from './plain-8';
import { Plain9 } from './plain-9';

/** Casual-worded overrides, leaks, fake authority and mode switches (user and tool), with benign look-alikes. */
export const PlainRows: Row[] = [
  ...Plain1,
  ...Plain2,
  ...Plain3,
  ...Plain4,
  ...Plain5,
  ...Plain6,
  ...Plain7,
  ...Plain8,
  ...Plain9,
];
