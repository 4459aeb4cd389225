import type { z } from 'zod';

/** The services that answer over NATS; each is a NATS queue group of that name. */
export const Services = {
  identity: 'identity',
  quota: 'quota',
  guard: 'guard',
  cache: 'cache',
  router: 'router',
  ledger: 'ledger',
} as const;
export type ServiceName = (typeof Services)[keyof typeof Services];

/**
 * A request-reply operation: its subject, who answers it, what goes in and out, and how long a
 * caller waits. Subjects follow `gh.rpc.<service>.<op>.v<version>`; a breaking change is a new
 * version, served beside the old one until every caller moved.
 */
export interface RpcContract<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  readonly subject: string;
  readonly service: ServiceName;
  readonly description: string;
  readonly request: Req;
  readonly response: Res;
  /** Default time a caller waits for the reply before answering 503. */
  readonly timeoutMs: number;
  readonly example: { request: z.input<Req>; response: z.input<Res> };
}

export type RpcRequest<C extends RpcContract> = z.infer<C['request']>;
export type RpcResponse<C extends RpcContract> = z.infer<C['response']>;

export function defineRpc<Req extends z.ZodType, Res extends z.ZodType>(
  contract: Omit<RpcContract<Req, Res>, 'subject'> & { op: string; version: number },
): RpcContract<Req, Res> {
  const { op, version, ...rest } = contract;
  return { ...rest, subject: `gh.rpc.${contract.service}.${op}.v${version}` };
}
