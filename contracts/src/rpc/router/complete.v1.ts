import { z } from 'zod';
import { defineRpc, Services } from '../contract';
import { ChatCompletion, ChatCompletionChunk, ChatCompletionRequest, FinishReason, Usage } from '../../openai/chat-completions';

/**
 * `gh.rpc.router.complete.v1` — run a chat completion against a deployment of the requested
 * group. This is a *streaming* reply: the router publishes a sequence of frames to the request's
 * reply subject, each with headers `Gh-Frame` (kind) and `Gh-Seq` (0, 1, 2, … gapless):
 *
 *   accepted  → the router took the request; says where to send control messages
 *   chunk*    → one ChatCompletionChunk each, only when `stream` is true
 *   end | error → exactly one, last
 *
 * Flow control: the router sends at most `initial_credit` chunks beyond what ingress has granted;
 * ingress grants more (`{type:'credit'}` on the control subject) as it writes to the client's
 * socket, and sends `{type:'cancel'}` when the client goes away. See docs/adr/0003.
 */
export const RouterCompleteV1 = defineRpc({
  service: Services.router,
  op: 'complete',
  version: 1,
  description: 'Complete a chat request on a deployment of the model group; replies with a stream of frames.',
  timeoutMs: 1_000,
  request: z.object({
    request_id: z.string(),
    /** The model alias (routing group) the client asked for. */
    model: z.string(),
    request: ChatCompletionRequest,
    stream: z.boolean(),
    /** LiteLLM's per-request `fallbacks` (groups tried in order when the group fails); replaces the configured ones. */
    fallbacks: z.array(z.string()).optional(),
    /** The caller's data boundary: every tag must be on a deployment for it to be chosen (`a|b`: either). */
    boundary: z.object({ policy: z.string(), required_tags: z.array(z.string()) }).optional(),
  }),
  // The first frame; the full frame set is below.
  response: z.lazy(() => AcceptedFrame),
  example: {
    request: {
      request_id: 'req_1', model: 'gpt-4o', stream: false,
      request: { model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] },
    },
    response: { control_subject: 'gh.ctl.router.abc.req_1', initial_credit: 64 },
  },
});

export const FrameKind = { accepted: 'accepted', chunk: 'chunk', end: 'end', error: 'error' } as const;
export type FrameKind = (typeof FrameKind)[keyof typeof FrameKind];
export const FrameHeaders = { kind: 'Gh-Frame', seq: 'Gh-Seq' } as const;

export const AcceptedFrame = z.object({
  control_subject: z.string(),
  initial_credit: z.number().int().positive(),
});
export type AcceptedFrame = z.infer<typeof AcceptedFrame>;

export const ChunkFrame = ChatCompletionChunk;
export type ChunkFrame = z.infer<typeof ChunkFrame>;

/** One provider call the router made for a request, and why it ended (`ok` or a failure kind). */
export const RouteTry = z.object({
  deployment_id: z.string(),
  group: z.string(),
  outcome: z.string(),
  duration_ms: z.number().nonnegative(),
  /** Why this deployment: `strategy`, `retry`, `failover`, `fallback:<reason>`. */
  reason: z.string(),
});
export type RouteTry = z.infer<typeof RouteTry>;

/** The `model: auto` classifier's verdict: score, the tier chosen and the features behind it. */
export const AutoVerdict = z.object({
  score: z.number(),
  group: z.string(),
  reasons: z.array(z.string()),
});
export type AutoVerdict = z.infer<typeof AutoVerdict>;

/** Which deployment served (or last tried) the request; goes into the request's event. */
export const RouteOutcome = z.object({
  deployment_id: z.string().nullable(),
  provider: z.string().nullable(),
  provider_model: z.string().nullable(),
  attempts: z.number().int().nonnegative(),
  ttft_ms: z.number().nullable(),
  // Issue #6, additive (docs/adr/0007): the routing decision behind the outcome.
  /** The group that served (after `auto`, aliases and fallbacks). */
  group: z.string().optional(),
  strategy: z.string().optional(),
  /** Deployments eligible for the first pick (in the boundary, not cooling down). */
  candidates: z.array(z.string()).optional(),
  /** Deployments left out of the first pick, with why (`cooldown`, `boundary`, `over_limit`). */
  excluded: z.array(z.object({ deployment_id: z.string(), reason: z.string() })).optional(),
  tries: z.array(RouteTry).optional(),
  fallbacks: z.array(z.object({ from: z.string(), to: z.string(), reason: z.string() })).optional(),
  auto: AutoVerdict.optional(),
  boundary: z.object({ policy: z.string(), required_tags: z.array(z.string()) }).optional(),
});
export type RouteOutcome = z.infer<typeof RouteOutcome>;

export const EndFrame = z.object({
  route: RouteOutcome,
  usage: Usage.nullable(),
  finish_reason: FinishReason.nullable(),
  /** The whole completion, for non-streaming requests only. */
  response: ChatCompletion.optional(),
});
export type EndFrame = z.infer<typeof EndFrame>;

export const ErrorFrame = z.object({
  route: RouteOutcome,
  error: z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()).optional() }),
  /** Usage generated before the failure (a cut stream is still charged for what it produced). */
  usage: Usage.nullable(),
});
export type ErrorFrame = z.infer<typeof ErrorFrame>;

/** Messages ingress sends to a frame stream's `control_subject`. */
export const ControlMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('credit'), n: z.number().int().positive() }),
  z.object({ type: z.literal('cancel'), reason: z.string() }),
]);
export type ControlMessage = z.infer<typeof ControlMessage>;
