/** Canon: the well-known plain attack phrasings (ignore/forget previous instructions, DAN, developer mode, print your system prompt) with harmless payloads, against benign uses and quotations of the same words. */
import type { Row } from './row';
import { Canon1 } from './canon-1';
import { Canon2 } from './canon-2';
import { Canon3 } from './canon-3';
import { Canon4 } from './canon-4';
import { Canon5 } from './canon-5';
import { Canon6 } from './canon-6';
import { Canon7 } from './canon-7';
import { Canon8 } from './canon-8';

export const CanonRows: Row[] = [
  ...Canon1,
  ...Canon2,
  ...Canon3,
  ...Canon4,
  ...Canon5,
  ...Canon6,
  ...Canon7,
  ...Canon8,
];
