import type { Row } from './row';
import { Toolout1 } from './toolout-1';
import { Toolout2 } from './toolout-2';
import { Toolout3 } from './toolout-3';

/** Toolout: what an agent's tools return (files, code, tickets, PRs, CRM, calendars, chats, shell, DB rows, API JSON, search, web pages, OCR): attacks steering the agent vs ordinary imperatives and AI mentions. */
export const TooloutRows: Row[] = [...Toolout1, ...Toolout2, ...Toolout3];
