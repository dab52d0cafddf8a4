import { z } from 'zod';
import type { ConfigGroup } from './config.schema';
import { CONFIG_GROUPS, configDocs, configSchema } from './config.schema';

/** One environment variable as the configuration reference shows it. */
export interface ConfigVariable {
  readonly name: string;
  readonly group: ConfigGroup;
  readonly description: string;
  readonly sensitive: boolean;
  /** Markdown: the default, or how it is computed; undefined when there is none. */
  readonly default: string | undefined;
  /** Markdown: what the rule accepts (values, a range, a URL), read from the rule itself. */
  readonly accepts: string;
}

/** Every variable in reference order (group, then declaration); throws on a variable without documentation. */
export function describeConfig(): ConfigVariable[] {
  const variables = Object.entries(configSchema.shape).map(([name, type]): ConfigVariable => {
    const doc = configDocs.get(type);
    if (!doc) throw new Error(`${name} has no documentation: declare it with setting(…) or secret(…)`);
    return {
      name,
      group: doc.group,
      description: doc.description,
      sensitive: doc.sensitive,
      default: doc.defaultText ?? defaultOf(type),
      accepts: acceptedBy(type),
    };
  });
  const order = Object.keys(CONFIG_GROUPS);
  return variables.sort((a, b) => order.indexOf(a.group) - order.indexOf(b.group));
}

function defaultOf(type: z.ZodType): string | undefined {
  const def = type._zod.def as { type: string; defaultValue?: unknown };
  return def.type === 'default' ? `\`${String(def.defaultValue)}\`` : undefined;
}

interface JsonSchema {
  type?: string;
  enum?: unknown[];
  format?: string;
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  minLength?: number;
}

const count = (n: number) => n.toLocaleString('en-US');

function acceptedBy(type: z.ZodType): string {
  const json = z.toJSONSchema(type, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  if (json.enum) {
    // JSON Schema lists integer-like strings first (object key order): booleans read `true`, `false`, `1`, `0`.
    const values = json.enum.map(String);
    const ordered = [...values.filter((v) => !/^\d+$/.test(v)), ...values.filter((v) => /^\d+$/.test(v))];
    return ordered.map((v) => `\`${v}\``).join(', ');
  }
  if (json.type === 'integer' || json.type === 'number') {
    const min = json.minimum ?? (json.exclusiveMinimum === undefined ? undefined : json.exclusiveMinimum + 1);
    const kind = json.type === 'integer' ? 'integer' : 'number';
    if (min !== undefined && json.maximum !== undefined) return `${kind}, ${count(min)}–${count(json.maximum)}`;
    if (min !== undefined) return `${kind} ≥ ${count(min)}`;
    return kind;
  }
  if (json.format === 'uri') return 'URL';
  if (json.minLength !== undefined && json.minLength >= 8) return `text, at least ${json.minLength} characters`;
  return 'text';
}
