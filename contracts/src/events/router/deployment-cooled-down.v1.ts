import { z } from 'zod';
import { defineEvent } from '../event';

export const DeploymentCooledDown = z.object({
  /** `<deployment_id>@<occurred_at ms>@<replica>`: the message id, so a republish is dropped. */
  event_id: z.string(),
  deployment_id: z.string(),
  group: z.string(),
  /** The failure kind that crossed `allowed_fails` (`server`, `rate_limited`, `timeout`, …). */
  reason: z.string(),
  /** Failures seen within the window when it was cooled. */
  failures: z.number().int().nonnegative(),
  /** Every router replica avoids the deployment until then (wall clock). */
  until: z.iso.datetime(),
  occurred_at: z.iso.datetime(),
  /** The router replica that decided. */
  cooled_by: z.string(),
});
export type DeploymentCooledDown = z.infer<typeof DeploymentCooledDown>;

/**
 * `gh.evt.router.deployment_cooled_down.v1` — a deployment failed more than `allowed_fails` times
 * within the window on one router replica; every replica applies it and sends it no traffic
 * until `until` (docs/adr/0007).
 */
export const DeploymentCooledDownV1 = defineEvent({
  family: 'router',
  name: 'deployment_cooled_down',
  version: 1,
  stream: 'GH_ROUTER',
  description: 'A failing deployment is cooled down: every router replica avoids it until `until`.',
  schema: DeploymentCooledDown,
  idField: 'event_id',
  example: {
    event_id: 'gpt-4o#0@1795341600000@router-1a2b',
    deployment_id: 'gpt-4o#0',
    group: 'gpt-4o',
    reason: 'server',
    failures: 4,
    until: '2026-11-22T10:00:05.000Z',
    occurred_at: '2026-11-22T10:00:00.000Z',
    cooled_by: 'router-1a2b',
  },
});
