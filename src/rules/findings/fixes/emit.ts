/**
 * Structured emitters for YAML and JSON snippets: building them from data (not string templates)
 * makes them valid by construction whatever the values are.
 */
import { jsonStr } from './quote';

export type Data = string | number | boolean | null | readonly Data[] | { readonly [key: string]: Data };

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

function scalar(value: string | number | boolean | null): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return jsonStr(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '0';
  return value ? 'true' : 'false';
}

function isScalar(value: Data): value is string | number | boolean | null {
  return value === null || typeof value !== 'object';
}

function yamlKey(key: string): string {
  return PLAIN_KEY.test(key) ? key : jsonStr(key);
}

function emit(value: Data, indent: number): string[] {
  const pad = ' '.repeat(indent);
  if (isScalar(value)) return [`${pad}${scalar(value)}`];
  if (Array.isArray(value)) {
    const items = value as readonly Data[];
    if (items.length === 0) return [`${pad}[]`];
    const lines: string[] = [];
    for (const item of items) {
      if (isScalar(item)) {
        lines.push(`${pad}- ${scalar(item)}`);
        continue;
      }
      const inner = emit(item, indent + 2);
      const first = inner[0] ?? '';
      lines.push(`${pad}- ${first.slice(indent + 2)}`, ...inner.slice(1));
    }
    return lines;
  }
  const entries = Object.entries(value as { readonly [key: string]: Data });
  if (entries.length === 0) return [`${pad}{}`];
  const lines: string[] = [];
  for (const [key, v] of entries) {
    if (isScalar(v)) lines.push(`${pad}${yamlKey(key)}: ${scalar(v)}`);
    else if (Array.isArray(v) && v.length === 0) lines.push(`${pad}${yamlKey(key)}: []`);
    else if (!Array.isArray(v) && Object.keys(v).length === 0) lines.push(`${pad}${yamlKey(key)}: {}`);
    else lines.push(`${pad}${yamlKey(key)}:`, ...emit(v, indent + 2));
  }
  return lines;
}

/** YAML block document; `comments` become leading `#` lines. */
export function toYaml(value: Data, comments: readonly string[] = []): string {
  const head = comments.map((c) => `# ${c.replace(/[\r\n]+/g, ' ')}`);
  return [...head, ...emit(value, 0)].join('\n');
}

export function toJson(value: Data): string {
  return JSON.stringify(value, null, 2);
}
