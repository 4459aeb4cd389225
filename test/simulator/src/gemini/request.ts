import type { ChatRequestBody } from '../chat-plan';

/**
 * Validation of a `GenerateContentRequest` the way Google's JSON parser and the model check it,
 * and its translation into the simulator's neutral chat body so the OpenAI planner decides the
 * answer. Messages are the real ones: a request the real API rejects is rejected here too.
 */

type Obj = Record<string, unknown>;

const TOP_LEVEL = new Set([
  'contents', 'systemInstruction', 'system_instruction', 'tools', 'toolConfig', 'tool_config', 'safetySettings',
  'safety_settings', 'generationConfig', 'generation_config', 'cachedContent', 'cached_content', 'labels',
]);
const GENERATION_CONFIG = new Set([
  'stopSequences', 'responseMimeType', 'responseSchema', 'responseJsonSchema', 'candidateCount', 'maxOutputTokens', 'temperature',
  'topP', 'topK', 'seed', 'presencePenalty', 'frequencyPenalty', 'responseLogprobs', 'logprobs', 'thinkingConfig',
  'responseModalities', 'mediaResolution', 'speechConfig',
]);
const SCHEMA = new Set([
  'type', 'format', 'title', 'description', 'nullable', 'enum', 'items', 'properties', 'required', 'minItems', 'maxItems',
  'minProperties', 'maxProperties', 'minLength', 'maxLength', 'pattern', 'minimum', 'maximum', 'anyOf', 'propertyOrdering',
  'default', 'example',
]);

const unknownName = (name: string, at?: string) =>
  `Invalid JSON payload received. Unknown name "${name}"${at ? ` at '${at}'` : ''}: Cannot find field.`;

/** The 400 INVALID_ARGUMENT message for this body, or null when the API would accept it. */
export function invalidGenerate(b: Obj): string | null {
  for (const key of Object.keys(b)) if (!TOP_LEVEL.has(key)) return unknownName(key);
  const contents = b.contents;
  if (!Array.isArray(contents) || contents.length === 0) return '* GenerateContentRequest.contents: contents is not specified\n';
  for (let i = 0; i < contents.length; i++) {
    const c = contents[i] as Obj;
    if (c.role !== undefined && c.role !== 'user' && c.role !== 'model') return 'Please use a valid role: user, model.';
    if (!Array.isArray(c.parts) || c.parts.length === 0) return `* GenerateContentRequest.contents[${i}].parts: contents.parts must not be empty.\n`;
    const calls = countParts(c, 'functionCall');
    if (calls > 0) {
      const next = contents[i + 1] as Obj | undefined;
      if (next && countParts(next, 'functionResponse') !== calls) {
        return 'Please ensure that the number of function response parts is equal to the number of function call parts of the function call turn.';
      }
    }
  }
  const config = (b.generationConfig ?? b.generation_config) as Obj | undefined;
  if (config) for (const key of Object.keys(config)) if (!GENERATION_CONFIG.has(key)) return unknownName(key, 'generation_config');
  if (config?.responseSchema) {
    const bad = badSchemaKey(config.responseSchema, 'generation_config.response_schema');
    if (bad) return bad;
  }
  const tools = Array.isArray(b.tools) ? (b.tools as Obj[]) : [];
  for (let t = 0; t < tools.length; t++) {
    const decls = Array.isArray(tools[t].functionDeclarations) ? (tools[t].functionDeclarations as Obj[]) : [];
    for (let d = 0; d < decls.length; d++) {
      if (typeof decls[d].name !== 'string') return `* GenerateContentRequest.tools[${t}].function_declarations[${d}].name: Name cannot be empty.\n`;
      const bad = decls[d].parameters ? badSchemaKey(decls[d].parameters, `tools[${t}].function_declarations[${d}].parameters`) : null;
      if (bad) return bad;
    }
  }
  return null;
}

function countParts(content: Obj, kind: string): number {
  return Array.isArray(content.parts) ? content.parts.filter((p) => p && typeof p === 'object' && kind in p).length : 0;
}

function badSchemaKey(schema: unknown, at: string): string | null {
  if (!schema || typeof schema !== 'object') return null;
  for (const [key, value] of Object.entries(schema)) {
    if (!SCHEMA.has(key)) return unknownName(key, at);
    if (key === 'properties' && value && typeof value === 'object') {
      for (const [name, sub] of Object.entries(value)) {
        const bad = badSchemaKey(sub, `${at}.properties[${name}].value`);
        if (bad) return bad;
      }
    }
    if (key === 'items') {
      const bad = badSchemaKey(value, `${at}.items`);
      if (bad) return bad;
    }
  }
  return null;
}

/** The neutral chat body of a valid request: what the planner needs (texts, tools, limits). */
export function toChatBody(b: Obj, model: string): ChatRequestBody {
  const messages: ChatRequestBody['messages'] = [];
  const system = (b.systemInstruction ?? b.system_instruction) as Obj | undefined;
  if (system) messages.push({ role: 'system', content: partsText(system.parts) });
  for (const c of b.contents as Obj[]) {
    const role = c.role === 'model' ? 'assistant' : countParts(c, 'functionResponse') > 0 ? 'tool' : 'user';
    messages.push({ role, content: partsText(c.parts) });
  }
  const tools: unknown[] = [];
  for (const t of Array.isArray(b.tools) ? (b.tools as Obj[]) : []) {
    for (const d of Array.isArray(t.functionDeclarations) ? (t.functionDeclarations as Obj[]) : []) {
      const props = ((d.parameters as Obj | undefined)?.properties ?? {}) as Record<string, Obj>;
      const properties = Object.fromEntries(Object.entries(props).map(([k, s]) => [k, { type: String(s?.type ?? '').toLowerCase() }]));
      tools.push({ type: 'function', function: { name: d.name, parameters: { properties } } });
    }
  }
  const calling = ((b.toolConfig ?? b.tool_config) as Obj | undefined)?.functionCallingConfig as Obj | undefined;
  const allowed = Array.isArray(calling?.allowedFunctionNames) ? calling.allowedFunctionNames : [];
  const toolChoice = calling?.mode === 'NONE' ? 'none' : calling?.mode === 'ANY' ? (allowed.length === 1 ? { function: { name: allowed[0] } } : 'required') : undefined;
  const config = ((b.generationConfig ?? b.generation_config) ?? {}) as Obj;
  return { model, messages, tools, tool_choice: toolChoice, max_tokens: config.maxOutputTokens, n: config.candidateCount };
}

function partsText(parts: unknown): string {
  if (!Array.isArray(parts)) return '';
  const texts: string[] = [];
  for (const p of parts) if (p && typeof (p as Obj).text === 'string') texts.push((p as Obj).text as string);
  return texts.join(' ');
}

/** The text of every user turn: where the `[[unsafe]]` markers are looked for. */
export function userText(body: ChatRequestBody): string {
  return body.messages.filter((m) => m.role === 'user').map((m) => m.content as string).join('\n');
}
