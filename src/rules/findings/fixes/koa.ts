/**
 * Fix stack for Koa with @koa/cors. Its defaults (measured with @koa/cors 5): origin "*", allowMethods
 * GET,HEAD,PUT,POST,DELETE,PATCH, keepHeadersOnError true (an error thrown later keeps the headers).
 */
import type { CorsSpec } from '../spec';
import { middlewareStack } from './node-middleware';
import { jsStr } from './quote';

function register(s: CorsSpec): string[] {
  // Several origins: a function that echoes an allowed Origin; a falsy answer makes @koa/cors skip the request.
  const several = s.origins.length > 1;
  return [
    '// First, before auth and routers: it answers preflights (204) itself.',
    ...(several ? [`const ALLOWED = [${s.origins.map(jsStr).join(', ')}];`] : []),
    'app.use(cors({',
    `  origin: ${several ? '(ctx) => (ALLOWED.includes(ctx.get("Origin")) ? ctx.get("Origin") : "")' : jsStr(s.origin)},`,
    `  allowMethods: [${s.methods.map(jsStr).join(', ')}],`,
    ...(s.headers.length > 0 ? [`  allowHeaders: [${s.headers.map(jsStr).join(', ')}],`] : []),
    ...(s.credentials ? ['  credentials: true,'] : []),
    `  maxAge: ${s.maxAge},`,
    '  keepHeadersOnError: true, // error responses (thrown later) keep the CORS headers',
    '}));',
  ];
}

export const koaStack = middlewareStack({
  stack: 'koa',
  name: 'Koa',
  title: 'Koa: @koa/cors as the first middleware',
  preamble: ['import Koa from "koa";', 'import cors from "@koa/cors";', '', 'const app = new Koa();'],
  register,
  after: '// ... auth middleware and routers after this line',
  keep: 'app.use(cors(…))',
  handWritten: 'ctx.set("Access-Control-Allow-Origin", "*");',
  orRemove: '@koa/cors',
});
