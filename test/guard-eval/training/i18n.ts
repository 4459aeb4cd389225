import type { Row } from './row';
import { I18n1 } from './i18n-1';
import { I18n2 } from './i18n-2';
import { I18n3 } from './i18n-3';
import { I18n4 } from './i18n-4';
import { I18n5 } from './i18n-5';
import { I18n6 } from './i18n-6';
import { Obfuscated1 } from './obfuscated-1';
import { Obfuscated2 } from './obfuscated-2';
import { Obfuscated3 } from './obfuscated-3';
import { Obfuscated4 } from './obfuscated-4';
import { Obfuscated5 } from './obfuscated-5';

/** The i18n-and-obfuscation slice: multilingual attacks and look-alikes, plus encoded attacks and encoded benign texts. Written for this repository. */
export const I18nRows: Row[] = [
  ...I18n1,
  ...I18n2,
  ...I18n3,
  ...I18n4,
  ...I18n5,
  ...I18n6,
  ...Obfuscated1,
  ...Obfuscated2,
  ...Obfuscated3,
  ...Obfuscated4,
  ...Obfuscated5,
];
