import { IdentityAuthenticateV1 } from './rpc/identity/authenticate.v1';
import { QuotaAdmitV1 } from './rpc/quota/admit.v1';
import { GuardScanV1 } from './rpc/guard/scan.v1';
import { CacheLookupV1 } from './rpc/cache/lookup.v1';
import { RouterCompleteV1 } from './rpc/router/complete.v1';
import { RequestCompletedV1 } from './events/request/completed.v1';
import { RequestFailedV1 } from './events/request/failed.v1';

/** Every subject Gatehouse speaks on, for documentation, tests and ACL generation. */
export const AllRpcContracts = [IdentityAuthenticateV1, QuotaAdmitV1, GuardScanV1, CacheLookupV1, RouterCompleteV1] as const;
export const AllEventContracts = [RequestCompletedV1, RequestFailedV1] as const;
