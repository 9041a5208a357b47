/**
 * Fix stack for Fastify with @fastify/cors. Its defaults (measured with @fastify/cors 11): origin "*",
 * methods GET,HEAD,POST only — a PUT, PATCH or DELETE is refused until listed — and preflights answered
 * with 204 from an onRequest hook, before the routes.
 */
import type { CorsSpec } from '../spec';
import { middlewareStack } from './node-middleware';
import { jsStr } from './quote';

function register(s: CorsSpec): string[] {
  const origin = s.origins.length > 1 ? `[${s.origins.map(jsStr).join(', ')}]` : jsStr(s.origin);
  return [
    '// On the root instance, before the routes: registered inside an encapsulated plugin it only',
    '// covers that plugin\'s routes (not the 404 handler, not sibling plugins).',
    'await app.register(cors, {',
    `  origin: ${origin},`,
    `  methods: [${s.methods.map(jsStr).join(', ')}], // the default is GET,HEAD,POST only`,
    ...(s.headers.length > 0 ? [`  allowedHeaders: [${s.headers.map(jsStr).join(', ')}],`] : []),
    ...(s.credentials ? ['  credentials: true,'] : []),
    `  maxAge: ${s.maxAge},`,
    '});',
  ];
}

export const fastifyStack = middlewareStack({
  stack: 'fastify',
  name: 'Fastify',
  title: 'Fastify: @fastify/cors, registered on the root instance',
  preamble: ['import Fastify from "fastify";', 'import cors from "@fastify/cors";', '', 'const app = Fastify();'],
  register,
  after: '// ... auth hooks and routes after this line',
  keep: 'app.register(cors, …)',
  handWritten: 'reply.header("Access-Control-Allow-Origin", "*");',
  orRemove: '@fastify/cors',
});
