import { z } from 'zod';

/**
 * What OpenAI-compatible servers send back. Tolerant where real servers differ from OpenAI (ids,
 * `object` and `created` missing, odd finish reasons, tool arguments as an object, usage without
 * `total_tokens`); loose so unknown fields (`reasoning_content`, `service_tier`) are kept.
 */

export const WireUsage = z.looseObject({
  prompt_tokens: z.number().int().nonnegative(),
  completion_tokens: z.number().int().nonnegative().default(0),
  total_tokens: z.number().int().nonnegative().optional(),
});
export type WireUsage = z.infer<typeof WireUsage>;

export const WireToolCall = z.looseObject({
  id: z.string(),
  type: z.literal('function').default('function'),
  function: z.looseObject({
    name: z.string(),
    arguments: z.union([z.string(), z.record(z.string(), z.unknown())]).default(''),
  }),
});
export type WireToolCall = z.infer<typeof WireToolCall>;

export const WireCompletion = z.looseObject({
  id: z.string().optional(),
  object: z.string().optional(),
  created: z.number().optional(),
  model: z.string().optional(),
  choices: z.array(
    z.looseObject({
      index: z.number().int().optional(),
      message: z.looseObject({
        role: z.string().nullish(),
        content: z.string().nullish(),
        tool_calls: z.array(WireToolCall).nullish(),
      }),
      finish_reason: z.string().nullish(),
    }),
  ),
  usage: WireUsage.nullish(),
});
export type WireCompletion = z.infer<typeof WireCompletion>;

export const WireChunk = z.looseObject({
  id: z.string().optional(),
  object: z.string().optional(),
  created: z.number().optional(),
  model: z.string().optional(),
  choices: z
    .array(
      z.looseObject({
        index: z.number().int().optional(),
        delta: z
          .looseObject({
            role: z.string().nullish(),
            content: z.string().nullish(),
            tool_calls: z.array(z.looseObject({ index: z.number().int() })).nullish(),
          })
          .optional(),
        finish_reason: z.string().nullish(),
      }),
    )
    .default([]),
  usage: WireUsage.nullish(),
});
export type WireChunk = z.infer<typeof WireChunk>;
