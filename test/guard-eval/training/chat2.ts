import type { Row } from './row';
import { Chat2_1 } from './chat2-1';
import { Chat2_2 } from './chat2-2';
import { Chat2_3 } from './chat2-3';
import { Chat2_4 } from './chat2-4';
import { Chat2_5 } from './chat2-5';
import { Chat2_6 } from './chat2-6';
import { Chat2_7 } from './chat2-7';
import { Chat2_8 } from './chat2-8';

/** Messages users type to company chatbots (support, HR, banking, coding, tutoring, travel). Written for this repository. */
export const Chat2Rows: Row[] = [...Chat2_1, ...Chat2_2, ...Chat2_3, ...Chat2_4, ...Chat2_5, ...Chat2_6, ...Chat2_7, ...Chat2_8];
