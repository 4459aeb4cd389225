import { IdentityAuthenticateV1 } from './rpc/identity/authenticate.v1';
import { QuotaAdmitV2 } from './rpc/quota/admit.v2';
import { BudgetReleasedV1, BudgetReservedV1, BudgetThresholdReachedV1 } from './events/budget';
import { GuardScanV1 } from './rpc/guard/scan.v1';
import { GuardScanV2 } from './rpc/guard/scan.v2';
import { CacheLookupV1 } from './rpc/cache/lookup.v1';
import { CacheLookupV2 } from './rpc/cache/lookup.v2';
import { CacheStoreV1 } from './rpc/cache/store.v1';
import { RouterCompleteV1 } from './rpc/router/complete.v1';
import { PingContracts } from './rpc/health/ping.v1';
import { RouterEmbedV1 } from './rpc/router/embed.v1';
import { RequestCompletedV1 } from './events/request/completed.v1';
import { RequestFailedV1 } from './events/request/failed.v1';
import { DeploymentCooledDownV1, DeploymentRecoveredV1 } from './events/router';
import { IdentityIssue4RpcContracts } from './rpc/identity';
import { KeyIssuedV1, KeyRevokedV1, KeyRotatedV1, KeyUpdatedV1 } from './events/key';
import { TeamCreatedV1, TeamMemberAddedV1, TeamUpdatedV1 } from './events/team';
import { LedgerRpcContracts } from './rpc/ledger';
import { ContentCapturedV1, ContentCapturedV2, ContentForgottenV1 } from './events/content';

/** Every subject Gatehouse speaks on, for documentation, tests and ACL generation. */
export const AllRpcContracts = [
  IdentityAuthenticateV1, QuotaAdmitV2, GuardScanV1, GuardScanV2, CacheLookupV1, CacheLookupV2, CacheStoreV1, RouterCompleteV1, RouterEmbedV1,
  ...Object.values(PingContracts),
  ...IdentityIssue4RpcContracts,
  ...LedgerRpcContracts,
] as const;
export const AllEventContracts = [
  RequestCompletedV1, RequestFailedV1,
  BudgetReservedV1, BudgetReleasedV1, BudgetThresholdReachedV1,
  DeploymentCooledDownV1, DeploymentRecoveredV1,
  KeyIssuedV1, KeyUpdatedV1, KeyRotatedV1, KeyRevokedV1, TeamCreatedV1, TeamUpdatedV1, TeamMemberAddedV1,
  ContentCapturedV1, ContentCapturedV2, ContentForgottenV1,
] as const;
