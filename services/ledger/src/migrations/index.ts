import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122000000Audit } from './Migration20261122000000_audit';
import { Migration20261201000000ChainSpend } from './Migration20261201000000_chain_spend';
import { Migration20261210000000Content } from './Migration20261210000000_content';
import { Migration20261215000000Budget } from './Migration20261215000000_budget';
import { Migration20261220000000ContentOutcome } from './Migration20261220000000_content_outcome';

/** Listed explicitly (not globbed from disk) so the same list works from src/ under jest and from dist/. */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261122000000_audit', class: Migration20261122000000Audit },
  { name: 'Migration20261201000000_chain_spend', class: Migration20261201000000ChainSpend },
  { name: 'Migration20261210000000_content', class: Migration20261210000000Content },
  { name: 'Migration20261215000000_budget', class: Migration20261215000000Budget },
  { name: 'Migration20261220000000_content_outcome', class: Migration20261220000000ContentOutcome },
];
