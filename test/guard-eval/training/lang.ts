import type { Row } from './row';
import { Lang1 } from './lang-1';
import { Lang2 } from './lang-2';
import { Lang3 } from './lang-3';
import { Lang4 } from './lang-4';
import { Lang5 } from './lang-5';
import { Lang6 } from './lang-6';
import { Lang7 } from './lang-7';
import { Lang8 } from './lang-8';
import { Lang9 } from './lang-9';
import { Lang10 } from './lang-10';
import { Lang11 } from './lang-11';
import { Lang12 } from './lang-12';
import { Lang13 } from './lang-13';
import { Lang14 } from './lang-14';
import { Lang15 } from './lang-15';
import { Lang16 } from './lang-16';
import { Lang17 } from './lang-17';
import { Lang18 } from './lang-18';
import { Lang19 } from './lang-19';

/** Non-English slice: overrides, personas, leaks, indirect and obfuscated attacks, and everyday look-alikes in ~30 languages. */
export const LangRows: Row[] = [
  ...Lang1,
  ...Lang2,
  ...Lang3,
  ...Lang4,
  ...Lang5,
  ...Lang6,
  ...Lang7,
  ...Lang8,
  ...Lang9,
  ...Lang10,
  ...Lang11,
  ...Lang12,
  ...Lang13,
  ...Lang14,
  ...Lang15,
  ...Lang16,
  ...Lang17,
  ...Lang18,
  ...Lang19,
];
