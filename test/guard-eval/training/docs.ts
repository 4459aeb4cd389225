import type { Row } from './row';
import { Docs1 } from './docs-1';
import { Docs2 } from './docs-2';
import { Docs3 } from './docs-3';
import { Docs4 } from './docs-4';

/** Retrieved and attached documents (e-mails, pages, CVs, tickets, notes) with embedded AI-directed injections, plus benign human-directed and AI-related documents. */
export const DocsRows: Row[] = [...Docs1, ...Docs2, ...Docs3, ...Docs4];
