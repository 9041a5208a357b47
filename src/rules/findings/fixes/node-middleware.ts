/**
 * The shape shared by the Node.js middleware stacks (Express + cors, Fastify + @fastify/cors, Koa +
 * @koa/cors): one snippet that registers the middleware, filled from the spec, and one that says to keep
 * a single CORS layer. Each stack supplies its own words and options.
 */
import type { Fix } from '../../../model';
import type { CorsSpec } from '../spec';
import { stack, type FixStack, type Remedy } from './types';

export interface MiddlewareFlavour {
  stack: string;
  /** The framework's name, e.g. "Fastify". */
  name: string;
  /** Title of the registering snippet. */
  title: string;
  /** Import lines and the app's creation. */
  preamble: readonly string[];
  /** Registration of the middleware with the spec's values (comments included). */
  register(spec: CorsSpec): string[];
  /** Last line: where the rest of the app goes. */
  after: string;
  /** For "one CORS layer": the registration to keep, a hand-written header to delete, what to remove otherwise. */
  keep: string;
  handWritten: string;
  orRemove: string;
}

export function middlewareStack(f: MiddlewareFlavour, more: Partial<Record<Remedy, (spec: CorsSpec) => Fix>> = {}): FixStack {
  const allow = (s: CorsSpec): Fix => ({
    stack: f.stack,
    title: f.title,
    language: 'javascript',
    snippet: [...f.preamble, ...f.register(s), '', f.after].join('\n'),
  });
  const singleSource = (): Fix => ({
    stack: f.stack,
    title: `${f.name}: one CORS layer`,
    language: 'javascript',
    snippet: [
      `// Keep ${f.keep} and delete hand-written headers such as`,
      `//   ${f.handWritten}`,
      `// — or remove ${f.orRemove} and the add_header lines in a proxy in front (nginx, API gateway) that add them again.`,
    ].join('\n'),
  });
  return stack(f.stack, {
    allow,
    'preflight-no-auth': allow,
    errors: allow,
    backend: allow,
    'single-source': singleSource,
    vary: allow,
    ...more,
  });
}
