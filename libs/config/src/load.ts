import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { compileConfig } from './compile';
import type { GatewayConfig } from './gateway-config';
import { LitellmConfig } from './litellm-schema';

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`Invalid config ${source}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** `model_list[2].litellm_params.model` from zod's path array. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)), '');
}

/** Pure: YAML text to a compiled config, or a ConfigError that names every bad path. */
export function parseConfig(text: string, source: string): GatewayConfig {
  let doc: unknown;
  try {
    doc = parseYaml(text) ?? {};
  } catch (err) {
    throw new ConfigError(source, [`not valid YAML: ${(err as Error).message}`]);
  }
  const parsed = LitellmConfig.safeParse(doc);
  if (!parsed.success) throw new ConfigError(source, parsed.error.issues.map(describeIssue));
  const config = compileConfig(parsed.data, source);
  const problems = checkGroups(config);
  if (problems.length) throw new ConfigError(source, problems);
  return config;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = formatPath(issue.path);
  return where ? `${where}: ${issue.message}` : issue.message;
}

function checkGroups(config: GatewayConfig): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const d of config.deployments) {
    if (ids.has(d.id)) problems.push(`model_list: deployment id "${d.id}" is used twice`);
    ids.add(d.id);
  }
  for (const [alias, target] of config.aliases) {
    if (!config.groups.has(target)) problems.push(`router_settings.model_group_alias.${alias}: no model_name "${target}"`);
  }
  return problems;
}

/** The demo config shipped at the repository root: a mock model, so it answers with no provider key. */
export const DEMO_CONFIG_PATH = resolve(__dirname, '../../../', __dirname.includes('/dist/') ? '..' : '.', 'gateway.yaml');

/** Loads the config named by GATEHOUSE_CONFIG, else ./gateway.yaml, else the shipped demo config. */
export function loadConfig(path = process.env.GATEHOUSE_CONFIG): GatewayConfig {
  const file = path || (existsSync('gateway.yaml') ? 'gateway.yaml' : DEMO_CONFIG_PATH);
  const full = resolve(file);
  let text: string;
  try {
    text = readFileSync(full, 'utf8');
  } catch (err) {
    throw new ConfigError(full, [`cannot be read (${(err as NodeJS.ErrnoException).code})`]);
  }
  return parseConfig(text, full);
}
