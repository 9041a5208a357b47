/**
 * Expands the lab's template tokens ({app}, {api.host}, {third.port}, {self} …, see scenario.ts) in a
 * header value or Location. Only those exact tokens are replaced; other braces stay as written.
 */
import type { HeaderLine, LabOriginName } from './scenario';

export type LabOrigins = Readonly<Record<LabOriginName, string>>;

const TOKEN = /\{(app|api|third|self)(?:\.(host|port))?\}/g;

export function expand(text: string, origins: LabOrigins, self: LabOriginName): string {
  return text.replace(TOKEN, (_m, name: string, part: string | undefined) => {
    const origin = origins[(name === 'self' ? self : name) as LabOriginName];
    const url = new URL(origin);
    if (part === 'host') return url.host;
    if (part === 'port') return url.port;
    return origin;
  });
}

export function expandLines(lines: readonly HeaderLine[] | undefined, origins: LabOrigins, self: LabOriginName): [string, string][] {
  return (lines ?? []).map(([n, v]) => [n, expand(v, origins, self)]);
}
