/** Command-line parsing with node:util parseArgs: one typed command or a usage error. */
import { parseArgs } from 'node:util';
import { FORMATS, isReportFormat, type ReportFormat } from '../report/render';

export const EXIT = {
  /** Nothing blocked (analyze) / the request was allowed (probe). */
  ok: 0,
  /** At least one exchange was blocked by CORS. */
  blocked: 1,
  /** Bad usage or unreadable input. */
  usage: 2,
  /** probe: the target could not be reached at all (DNS, connection refused, timeout, TLS). */
  unreachable: 3,
} as const;

export const USAGE = `Usage:
  cors-lens analyze <file.har> [--format text|json|markdown|html] [--only-blocked] [--include-sensitive]
  cors-lens probe <url> --origin <origin> [--method M] [--header 'Name: value']... [--credentials]
                  [--format text|json|markdown|html] [--include-sensitive] [--timeout <seconds>]
  cors-lens --help | --version

analyze   Reads a HAR (Chrome, Firefox, DevTools "sanitized", Playwright), pairs preflights with their
          requests and explains every cross-origin request: why it was blocked and what to change where.
probe     Sends the preflight (when a browser would) and the request exactly as Chromium would from
          <origin>, and explains the answer. A post-deploy smoke test for CI.

Output goes to stdout; progress and errors to stderr. Sensitive values (tokens, cookies, API keys,
signed-URL parameters, bodies) are redacted unless --include-sensitive is given.

Exit codes: 0 nothing blocked, 1 blocked, 2 bad usage or input, 3 (probe) target unreachable.`;

export interface AnalyzeCommand {
  kind: 'analyze';
  file: string;
  format: ReportFormat;
  onlyBlocked: boolean;
  includeSensitive: boolean;
}

export interface ProbeCommand {
  kind: 'probe';
  url: string;
  origin: string;
  method: string;
  headers: { name: string; value: string }[];
  credentials: boolean;
  format: ReportFormat;
  includeSensitive: boolean;
  timeoutMs: number;
}

export type Command = AnalyzeCommand | ProbeCommand | { kind: 'help' } | { kind: 'version' };

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

function format(value: string | undefined): ReportFormat {
  const f = value ?? 'text';
  if (!isReportFormat(f)) throw new UsageError(`Unknown --format "${f}": use one of ${FORMATS.join(', ')}.`);
  return f;
}

/** `Name: value` → header; the name must be an HTTP token. */
export function parseHeaderOption(raw: string): { name: string; value: string } {
  const colon = raw.indexOf(':');
  if (colon <= 0) throw new UsageError(`--header "${raw}" must look like 'Name: value'.`);
  const name = raw.slice(0, colon).trim();
  if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) throw new UsageError(`--header "${raw}": "${name}" is not a valid header name.`);
  const value = raw.slice(colon + 1).trim();
  if (/[\r\n\0]/.test(value)) throw new UsageError(`--header "${name}": the value must not contain line breaks.`);
  return { name, value };
}

function serializedOrigin(raw: string): string {
  if (raw === 'null') return raw;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`--origin "${raw}" is not a URL origin like https://app.example.com.`);
  }
  if (url.origin === 'null') throw new UsageError(`--origin "${raw}" has no tuple origin (use an http(s) URL, or "null").`);
  if (url.pathname !== '/' || url.search || url.hash || raw.endsWith('/')) {
    throw new UsageError(`--origin "${raw}" must be an origin only (scheme://host[:port]), like ${url.origin}: a browser never sends a path in Origin.`);
  }
  return url.origin;
}

export function parseCommand(argv: readonly string[]): Command {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') return { kind: 'help' };
  if (sub === '--version' || sub === '-v' || sub === 'version') return { kind: 'version' };
  if (sub === 'analyze') {
    const { values, positionals } = parse(rest, {
      format: { type: 'string', short: 'f' },
      'only-blocked': { type: 'boolean' },
      'include-sensitive': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) return { kind: 'help' };
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'analyze needs a HAR file.' : `analyze takes one HAR file, got ${positionals.length}.`);
    return {
      kind: 'analyze', file: positionals[0]!, format: format(values.format as string | undefined),
      onlyBlocked: values['only-blocked'] === true, includeSensitive: values['include-sensitive'] === true,
    };
  }
  if (sub === 'probe') {
    const { values, positionals } = parse(rest, {
      origin: { type: 'string', short: 'o' },
      method: { type: 'string', short: 'X' },
      header: { type: 'string', short: 'H', multiple: true },
      credentials: { type: 'boolean' },
      format: { type: 'string', short: 'f' },
      'include-sensitive': { type: 'boolean' },
      timeout: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) return { kind: 'help' };
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'probe needs a URL.' : `probe takes one URL, got ${positionals.length}.`);
    const url = positionals[0]!;
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new UsageError(`"${url}" is not a URL.`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new UsageError(`probe sends HTTP requests: "${url}" is not http(s).`);
    if (typeof values.origin !== 'string') throw new UsageError('probe needs --origin <origin> (the page origin the browser would send).');
    const method = typeof values.method === 'string' ? values.method : 'GET';
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(method)) throw new UsageError(`--method "${method}" is not a valid HTTP method.`);
    if (['CONNECT', 'TRACE', 'TRACK'].includes(method.toUpperCase())) throw new UsageError(`--method ${method}: browsers refuse to send it (a forbidden method).`);
    const timeout = values.timeout === undefined ? 15 : Number(values.timeout);
    if (!Number.isFinite(timeout) || timeout <= 0 || timeout > 600) throw new UsageError('--timeout must be a number of seconds between 0 and 600.');
    const headers = ((values.header as string[] | undefined) ?? []).map(parseHeaderOption);
    return {
      kind: 'probe', url: parsed.href, origin: serializedOrigin(values.origin), method, headers,
      credentials: values.credentials === true, format: format(values.format as string | undefined),
      includeSensitive: values['include-sensitive'] === true, timeoutMs: timeout * 1000,
    };
  }
  throw new UsageError(`Unknown command "${sub}".`);
}

type Options = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

function parse(args: string[], options: Options): { values: Record<string, string | boolean | (string | boolean)[] | undefined>; positionals: string[] } {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
}
