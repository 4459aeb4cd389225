import type { Fault } from './faults';
import type { RecordedRequest } from './request-log';

/** Shapes of what the simulator answers, for clients that read them (tests, the benchmark). */

export interface SimErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

export interface SimCompletion {
  id: string;
  object: 'chat.completion';
  created: number;
  model: string;
  choices: { index: number; message: { role: 'assistant'; content: string | null; tool_calls?: unknown[] }; finish_reason: string }[];
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
}

export interface SimModelList {
  object: 'list';
  data: { id: string; object: 'model'; created: number; owned_by: string }[];
}

export interface SimEmbeddingList<E = number[]> {
  object: 'list';
  data: { object: 'embedding'; index: number; embedding: E }[];
  model: string;
  usage: { prompt_tokens: number; total_tokens: number };
}

/** `GET /__sim/requests`. */
export interface SimRequestReport {
  count: number;
  byPath: Record<string, number>;
  requests: (Omit<RecordedRequest, 'body'> & { body: { messages?: { content: unknown }[] } | null })[];
}

/** `GET /__sim/faults`. */
export interface SimPendingFaults {
  pending: { fault: Fault; left: number }[];
}

/** A response body as `T` (the simulator's own shapes; no validation). */
export async function readJson<T>(res: Response): Promise<T> {
  return (await res.json()) as T;
}
