import { type NatsConnection, nuid, type Subscription } from '@nats-io/transport-node';
import { LogLevels, type LogLevel, setLogLevel } from '@gatehouse/telemetry';
import { decodeJson, encodeJson } from './codec';

/**
 * Control subjects for the log level at run time: `gh.ctl.log_level.<service>` (every replica of
 * one service) and `gh.ctl.log_level.all`. Body `{"level":"debug"}`; each replica answers with
 * its service, instance and new level, so `gatehouse log-level` can show who changed.
 */
export const logLevelSubject = (service: string) => `gh.ctl.log_level.${service}`;

export function serveLogLevel(nc: NatsConnection, service: string): Subscription[] {
  const instance = nuid.next().slice(-8);
  const handle = (_err: Error | null, msg: { data: Uint8Array; respond(data: Uint8Array): boolean }) => {
    const level = (decodeJson(msg.data) as { level?: string } | undefined)?.level;
    if (!LogLevels.includes(level as LogLevel)) {
      msg.respond(encodeJson({ service, instance, error: `level must be one of ${LogLevels.join(', ')}` }));
      return;
    }
    setLogLevel(level as LogLevel);
    msg.respond(encodeJson({ service, instance, level }));
  };
  return [nc.subscribe(logLevelSubject(service), { callback: handle }), nc.subscribe(logLevelSubject('all'), { callback: handle })];
}
