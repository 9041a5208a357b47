/** Fix stack for Express with the `cors` middleware (defaults: origin `*`, preflight answered with 204). */
import type { Fix } from '../../../model';
import type { CorsSpec } from '../spec';
import { jsStr } from './quote';
import { middlewareStack } from './node-middleware';

function options(s: CorsSpec): string[] {
  const origin = s.origins.length > 1 ? `[${s.origins.map(jsStr).join(', ')}]` : jsStr(s.origin);
  return [
    'const corsOptions = {',
    `  origin: ${origin},`,
    `  methods: [${s.methods.map(jsStr).join(', ')}],`,
    ...(s.headers.length > 0 ? [`  allowedHeaders: [${s.headers.map(jsStr).join(', ')}],`] : []),
    ...(s.credentials ? ['  credentials: true,'] : []),
    `  maxAge: ${s.maxAge},`,
    '};',
  ];
}

function errors(s: CorsSpec): Fix {
  return {
    stack: 'express',
    title: 'Express: CORS headers on error responses too',
    language: 'javascript',
    snippet: [
      'import express from "express";',
      'import cors from "cors";',
      '',
      'const app = express();',
      ...options(s),
      'app.use(cors(corsOptions)); // before auth and routes, so 401/403/404 answers carry the headers',
      '',
      '// ... routes ...',
      '',
      '// Error handler last: the headers set by cors() are still on the response here.',
      'app.use((err, req, res, next) => {',
      '  if (res.headersSent) return next(err);',
      '  res.status(err.status ?? 500).json({ message: "Internal error" });',
      '});',
    ].join('\n'),
  };
}

export const expressStack = middlewareStack({
  stack: 'express',
  name: 'Express',
  title: 'Express: the cors middleware, registered before routes and auth',
  preamble: ['import express from "express";', 'import cors from "cors";', '', 'const app = express();'],
  register: (s) => [
    ...options(s),
    '// First middleware: it answers OPTIONS preflights itself (204) before any auth runs,',
    '// and adds the headers to every later response, errors included.',
    'app.use(cors(corsOptions));',
  ],
  after: '// ... your auth middleware and routes come after this line',
  keep: 'app.use(cors(corsOptions))',
  handWritten: 'res.setHeader("Access-Control-Allow-Origin", "*");',
  orRemove: 'cors()',
}, { errors, backend: errors });
