import type { ChatMessage, ContentPart } from '@gatehouse/contracts';
import { ProviderError } from '../types';

/**
 * OpenAI chat messages → Gemini `contents` and `systemInstruction`. Gemini has two roles, `user`
 * and `model`; system and developer messages (wherever they are) become the system instruction;
 * tool results are `functionResponse` parts of a user turn, named after the call they answer.
 * Adjacent turns of the same role are merged: Gemini wants all results of one round of parallel
 * calls in one turn, answering the calls in order.
 */

export type GeminiPart = Record<string, unknown>;
export interface GeminiContent {
  role: 'user' | 'model';
  parts: GeminiPart[];
}

export interface GeminiMessages {
  contents: GeminiContent[];
  systemInstruction?: { parts: { text: string }[] };
}

/** LiteLLM's extension field that carries a tool call's Gemini `thoughtSignature` through a client. */
export const THOUGHT_SIGNATURE_FIELD = 'provider_specific_fields';

export function toGeminiMessages(messages: readonly ChatMessage[]): GeminiMessages {
  const contents: GeminiContent[] = [];
  const system: string[] = [];
  const toolNames = new Map<string, string>();
  const push = (role: GeminiContent['role'], parts: GeminiPart[]) => {
    if (parts.length === 0) return;
    const last = contents[contents.length - 1];
    if (last?.role === role) last.parts.push(...parts);
    else contents.push({ role, parts });
  };
  for (const m of messages) {
    switch (m.role) {
      case 'system':
      case 'developer': {
        const text = textOf(m.content);
        if (text) system.push(text);
        break;
      }
      case 'user':
        push('user', userParts(m.content));
        break;
      case 'assistant': {
        const parts: GeminiPart[] = [];
        const text = textOf(m.content);
        if (text) parts.push({ text });
        for (const call of m.tool_calls ?? []) {
          toolNames.set(call.id, call.function.name);
          parts.push(functionCallPart(call));
        }
        push('model', parts);
        break;
      }
      case 'tool':
      case 'function': {
        const name = (m.tool_call_id !== undefined ? toolNames.get(m.tool_call_id) : undefined) ?? m.name;
        if (!name) throw new ProviderError('bad_request', `tool message${m.tool_call_id ? ` ${m.tool_call_id}` : ''} answers no earlier tool call`);
        push('user', [{ functionResponse: { name, response: toolResponse(textOf(m.content)) } }]);
        break;
      }
      default: {
        const never: never = m.role;
        throw new ProviderError('bad_request', `unsupported message role ${String(never)}`);
      }
    }
  }
  return system.length > 0 ? { contents, systemInstruction: { parts: [{ text: system.join('\n\n') }] } } : { contents };
}

function functionCallPart(call: NonNullable<ChatMessage['tool_calls']>[number]): GeminiPart {
  let args: unknown = {};
  if (call.function.arguments.trim() !== '') {
    try {
      args = JSON.parse(call.function.arguments);
    } catch {
      throw new ProviderError('bad_request', `tool call ${call.id}: arguments are not JSON`);
    }
  }
  const part: GeminiPart = { functionCall: { name: call.function.name, args: isObject(args) ? args : { value: args } } };
  const extra = (call as Record<string, unknown>)[THOUGHT_SIGNATURE_FIELD];
  if (isObject(extra) && typeof extra.thought_signature === 'string') part.thoughtSignature = extra.thought_signature;
  return part;
}

/** `functionResponse.response` must be an object: a JSON object result as is, anything else under `content`. */
function toolResponse(text: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(text);
    if (isObject(parsed)) return parsed;
  } catch {
    // plain text result
  }
  return { content: text };
}

function textOf(content: ChatMessage['content']): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.map((p) => (p.type === 'text' && typeof p.text === 'string' ? p.text : '')).join('');
}

function userParts(content: ChatMessage['content']): GeminiPart[] {
  if (typeof content === 'string') return content ? [{ text: content }] : [];
  if (!Array.isArray(content)) return [];
  return content.map(userPart);
}

function userPart(part: ContentPart): GeminiPart {
  const p = part as Record<string, unknown>;
  if (p.type === 'text' && typeof p.text === 'string') return { text: p.text };
  if (p.type === 'image_url' && isObject(p.image_url) && typeof p.image_url.url === 'string') {
    const format = typeof p.image_url.format === 'string' ? p.image_url.format : undefined;
    return mediaPart(p.image_url.url, format);
  }
  if (p.type === 'input_audio' && isObject(p.input_audio) && typeof p.input_audio.data === 'string') {
    const format = typeof p.input_audio.format === 'string' ? p.input_audio.format : 'wav';
    return { inlineData: { mimeType: `audio/${format === 'mp3' ? 'mp3' : format}`, data: p.input_audio.data } };
  }
  if (p.type === 'file' && isObject(p.file) && typeof p.file.file_data === 'string') return mediaPart(p.file.file_data, undefined);
  throw new ProviderError('bad_request', `content part of type "${String(p.type)}" is not supported by Gemini`);
}

const DATA_URL = /^data:([^;,]+)(?:;[^,]*)?;base64,(.*)$/s;

/** A data URL is sent inline; an http(s) or gs:// URL by reference (`fileData`). */
export function mediaPart(url: string, format: string | undefined): GeminiPart {
  const data = DATA_URL.exec(url);
  if (data) return { inlineData: { mimeType: format ?? data[1], data: data[2] } };
  if (/^(https?|gs):\/\//.test(url)) return { fileData: { mimeType: format ?? mimeFromUrl(url), fileUri: url } };
  throw new ProviderError('bad_request', 'image_url must be a data: URL or an http(s):// or gs:// URL');
}

const MIME_BY_EXTENSION: Record<string, string> = {
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', webp: 'image/webp', gif: 'image/gif', heic: 'image/heic',
  heif: 'image/heif', pdf: 'application/pdf', mp3: 'audio/mp3', wav: 'audio/wav', mp4: 'video/mp4', txt: 'text/plain',
};

function mimeFromUrl(url: string): string {
  const ext = /\.([a-z0-9]+)(?:[?#]|$)/i.exec(url)?.[1]?.toLowerCase();
  return (ext && MIME_BY_EXTENSION[ext]) || 'image/jpeg';
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
