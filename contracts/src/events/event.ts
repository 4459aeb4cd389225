import type { z } from 'zod';
import type { StreamName } from '../streams';

/**
 * A fact, named in the past tense, published to JetStream. Subjects follow
 * `gh.evt.<family>.<event>.v<version>`; every event of a family lives in the stream `GH_<FAMILY>`.
 * Old versions stay readable forever (upcast on read); a breaking change is a new version.
 */
export interface EventContract<S extends z.ZodType = z.ZodType> {
  readonly type: string;
  readonly version: number;
  readonly subject: string;
  readonly stream: StreamName;
  readonly description: string;
  readonly schema: S;
  /** Field whose value is the JetStream message id, so a republish is deduplicated. */
  readonly idField: keyof z.infer<S> & string;
  readonly example: z.input<S>;
}

export type EventPayload<E extends EventContract> = z.infer<E['schema']>;

export function defineEvent<S extends z.ZodType>(
  e: Omit<EventContract<S>, 'subject' | 'type'> & { family: string; name: string },
): EventContract<S> {
  const { family, name, ...rest } = e;
  return { ...rest, type: `${family}.${name}`, subject: `gh.evt.${family}.${name}.v${e.version}` };
}
