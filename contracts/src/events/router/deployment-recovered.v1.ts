import { z } from 'zod';
import { defineEvent } from '../event';

export const DeploymentRecovered = z.object({
  /** `<deployment_id>@<occurred_at ms>@<replica>`. */
  event_id: z.string(),
  deployment_id: z.string(),
  group: z.string(),
  occurred_at: z.iso.datetime(),
  /** The router replica whose call succeeded. */
  recovered_by: z.string(),
});
export type DeploymentRecovered = z.infer<typeof DeploymentRecovered>;

/**
 * `gh.evt.router.deployment_recovered.v1` — the first call to a deployment after its cooldown
 * succeeded: replicas clear whatever cooldown they still hold for it (clock skew) and operators
 * see when the outage ended.
 */
export const DeploymentRecoveredV1 = defineEvent({
  family: 'router',
  name: 'deployment_recovered',
  version: 1,
  stream: 'GH_ROUTER',
  description: 'A cooled-down deployment answered successfully again.',
  schema: DeploymentRecovered,
  idField: 'event_id',
  example: {
    event_id: 'gpt-4o#0@1795341605200@router-1a2b',
    deployment_id: 'gpt-4o#0',
    group: 'gpt-4o',
    occurred_at: '2026-11-22T10:00:05.200Z',
    recovered_by: 'router-1a2b',
  },
});
