import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122000000Audit } from './Migration20261122000000_audit';

/** Listed explicitly (not globbed from disk) so the same list works from src/ under jest and from dist/. */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261122000000_audit', class: Migration20261122000000Audit },
];
