import type { NatsConnection } from '@nats-io/transport-node';
import type { GatewayConfig } from '@gatehouse/config';
import type { GuardSettings } from '@gatehouse/detectors';
import { FrameStreams } from '@gatehouse/nats';
import { HttpScorer } from './scorers/http-scorer';
import { ModelScorer } from './scorers/model-scorer';
import type { Scorer } from './scorers/scorer';

export const GUARD_CONTEXT = Symbol('GUARD_CONTEXT');

/** What the guard's handlers share: its settings and the scorers built from them. */
export interface GuardContext {
  settings: GuardSettings;
  scorers: ReadonlyMap<string, Scorer>;
}

export function guardContext(config: GatewayConfig, nc: NatsConnection): GuardContext {
  const s = config.gatehouse.guard;
  const scorers = new Map<string, Scorer>();
  if (s.scorers.model) scorers.set('model', new ModelScorer(nc, new FrameStreams(nc), s.scorers.model));
  if (s.scorers.http) scorers.set('http', new HttpScorer(s.scorers.http));
  return { settings: s, scorers };
}
