export * from './principal';
export * from './admin-shapes';
export * from './authenticate.v1';
export * from './authenticate-token.v1';
export * from './invalidate.v1';
export * from './key-generate.v1';
export * from './key-update.v1';
export * from './key-regenerate.v1';
export * from './key-delete.v1';
export * from './key-info.v1';
export * from './key-list.v1';
export * from './team-new.v1';
export * from './team-update.v1';
export * from './team-info.v1';
export * from './team-member-add.v1';
export * from './team-list.v1';

import { IdentityAuthenticateTokenV1 } from './authenticate-token.v1';
import { IdentityKeyDeleteV1 } from './key-delete.v1';
import { IdentityKeyGenerateV1 } from './key-generate.v1';
import { IdentityKeyInfoV1 } from './key-info.v1';
import { IdentityKeyListV1 } from './key-list.v1';
import { IdentityKeyRegenerateV1 } from './key-regenerate.v1';
import { IdentityKeyUpdateV1 } from './key-update.v1';
import { IdentityTeamInfoV1 } from './team-info.v1';
import { IdentityTeamListV1 } from './team-list.v1';
import { IdentityTeamMemberAddV1 } from './team-member-add.v1';
import { IdentityTeamNewV1 } from './team-new.v1';
import { IdentityTeamUpdateV1 } from './team-update.v1';

/** The admin operations identity serves (issue #4), one contract each. */
export const IdentityAdminContracts = [
  IdentityKeyGenerateV1, IdentityKeyUpdateV1, IdentityKeyRegenerateV1, IdentityKeyDeleteV1, IdentityKeyInfoV1, IdentityKeyListV1,
  IdentityTeamNewV1, IdentityTeamUpdateV1, IdentityTeamInfoV1, IdentityTeamMemberAddV1, IdentityTeamListV1,
] as const;

/** Every identity contract beyond `authenticate` (registered in contracts/src/registry.ts). */
export const IdentityIssue4RpcContracts = [IdentityAuthenticateTokenV1, ...IdentityAdminContracts] as const;
