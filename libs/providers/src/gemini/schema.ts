/**
 * JSON Schema (as OpenAI tools and `json_schema` response formats carry it) → the OpenAPI 3.0
 * Schema subset Gemini accepts for `functionDeclarations[].parameters` and `responseSchema`.
 * Gemini rejects unknown keys (`additionalProperties`, `$schema`, `strict`, …) with a 400, so
 * keys are kept by allow-list; local `$ref`s are inlined; `type: [T, "null"]` and
 * `anyOf: [T, {type: null}]` become `nullable`; `const` becomes a one-value `enum`.
 */

type Json = Record<string, unknown>;

const KEPT = new Set([
  'type', 'format', 'title', 'description', 'nullable', 'enum', 'items', 'properties', 'required', 'minItems', 'maxItems',
  'minProperties', 'maxProperties', 'minLength', 'maxLength', 'pattern', 'minimum', 'maximum', 'anyOf', 'propertyOrdering',
  'default', 'example',
]);

/** Inlined `$ref` depth: recursive schemas cannot be expressed without refs, so they are cut here. */
const MAX_DEPTH = 16;

export function toGeminiSchema(schema: unknown): Json {
  if (!isObject(schema)) return {};
  const defs = { ...asObject(schema.definitions), ...asObject(schema.$defs) };
  return clean(schema, defs, 0);
}

function clean(input: Json, defs: Json, depth: number): Json {
  let schema = input;
  if (typeof schema.$ref === 'string') {
    const target = defs[schema.$ref.replace(/^#\/(\$defs|definitions)\//, '')];
    if (!isObject(target) || depth >= MAX_DEPTH) return { type: 'object' };
    const { $ref: _ref, ...siblings } = schema;
    schema = { ...target, ...siblings };
  }
  const out: Json = {};
  for (const [key, value] of Object.entries(schema)) {
    if (!KEPT.has(key)) continue;
    if (key === 'properties' && isObject(value)) {
      const props: Json = {};
      for (const [name, sub] of Object.entries(value)) props[name] = isObject(sub) ? clean(sub, defs, depth + 1) : {};
      out.properties = props;
    } else if (key === 'items' && isObject(value)) out.items = clean(value, defs, depth + 1);
    else if (key === 'anyOf' && Array.isArray(value)) Object.assign(out, anyOf(value, defs, depth));
    else if (key === 'type') Object.assign(out, typeOf(value));
    else if (key === 'enum' && Array.isArray(value)) out.enum = value.filter((v) => v !== null).map(String);
    else out[key] = value;
  }
  if ('const' in schema && schema.const !== null && schema.const !== undefined) out.enum = [String(schema.const)];
  if (out.enum && !out.type) out.type = 'string';
  if (Array.isArray(out.required) && isObject(out.properties)) {
    const props = out.properties;
    out.required = out.required.filter((name) => typeof name === 'string' && name in props);
  } else delete out.required;
  return out;
}

function typeOf(value: unknown): Json {
  if (!Array.isArray(value)) return { type: value };
  const types = value.filter((t) => t !== 'null');
  return { ...(types.length > 0 ? { type: types[0] } : {}), ...(types.length < value.length ? { nullable: true } : {}) };
}

function anyOf(options: unknown[], defs: Json, depth: number): Json {
  const nonNull = options.filter((o) => !(isObject(o) && o.type === 'null'));
  const nullable = nonNull.length < options.length ? { nullable: true } : {};
  const cleaned = nonNull.filter(isObject).map((o) => clean(o, defs, depth + 1));
  if (cleaned.length === 1) return { ...cleaned[0], ...nullable };
  return { anyOf: cleaned, ...nullable };
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function asObject(v: unknown): Json {
  return isObject(v) ? v : {};
}
