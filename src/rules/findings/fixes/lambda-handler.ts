/**
 * Lambda handler code (Node.js and Python) for proxy integrations, function URLs without CORS
 * config and HTTP APIs without CORS config: the headers on every response — success, errors and
 * the OPTIONS preflight when it is routed to the function (ANY /{proxy+}).
 */
import type { Fix } from '../../../model';
import type { CorsSpec } from '../spec';
import { jsStr, pyStr } from './quote';
import { stack } from './types';

const methodsWithOptions = (s: CorsSpec): string => [...s.methods, 'OPTIONS'].join(',');

function nodeHandler(s: CorsSpec): Fix {
  const preflight = [
    `        "Access-Control-Allow-Methods": ${jsStr(methodsWithOptions(s))},`,
    ...(s.headers.length > 0 ? [`        "Access-Control-Allow-Headers": ${jsStr(s.headers.join(','))},`] : []),
    `        "Access-Control-Max-Age": ${jsStr(String(s.maxAge))},`,
  ];
  const snippet = [
    '// Every response of the function carries the CORS headers: success, errors, and OPTIONS',
    '// when the preflight is routed here (ANY /{proxy+}).',
    `const ALLOWED_ORIGINS = new Set([${s.origins.map(jsStr).join(', ')}]);`,
    '',
    'function corsHeaders(event) {',
    '  const headers = event.headers ?? {};',
    '  const origin = headers.origin ?? headers.Origin;',
    '  const out = { Vary: "Origin" };',
    '  if (origin && ALLOWED_ORIGINS.has(origin)) {',
    '    out["Access-Control-Allow-Origin"] = origin;',
    ...(s.credentials ? ['    out["Access-Control-Allow-Credentials"] = "true";'] : []),
    '  }',
    '  return out;',
    '}',
    '',
    'export const handler = async (event) => {',
    '  const cors = corsHeaders(event);',
    '  const method = event.httpMethod ?? event.requestContext?.http?.method;',
    '  if (method === "OPTIONS") {',
    '    return {',
    '      statusCode: 204,',
    '      headers: {',
    '        ...cors,',
    ...preflight,
    '      },',
    '      body: "",',
    '    };',
    '  }',
    '  try {',
    '    const result = await handle(event);',
    '    return { statusCode: 200, headers: { ...cors, "Content-Type": "application/json" }, body: JSON.stringify(result) };',
    '  } catch (err) {',
    '    console.error(err);',
    '    // Without the CORS headers here the browser reports a CORS error and hides the real 500.',
    '    return { statusCode: 500, headers: { ...cors, "Content-Type": "application/json" }, body: JSON.stringify({ message: "Internal error" }) };',
    '  }',
    '};',
    '',
    'async function handle(event) {',
    '  // your existing logic',
    '  return { ok: true, path: event.path ?? event.rawPath };',
    '}',
  ].join('\n');
  return { stack: 'node', title: 'Lambda handler (Node.js): CORS headers on every response, errors included', language: 'javascript', snippet };
}

function pythonHandler(s: CorsSpec): Fix {
  const preflight = [
    `                "Access-Control-Allow-Methods": ${pyStr(methodsWithOptions(s))},`,
    ...(s.headers.length > 0 ? [`                "Access-Control-Allow-Headers": ${pyStr(s.headers.join(','))},`] : []),
    `                "Access-Control-Max-Age": ${pyStr(String(s.maxAge))},`,
  ];
  const snippet = [
    'import json',
    '',
    '# Every response of the function carries the CORS headers: success, errors, and OPTIONS',
    '# when the preflight is routed here (ANY /{proxy+}).',
    `ALLOWED_ORIGINS = {${s.origins.map(pyStr).join(', ')}}`,
    '',
    '',
    'def cors_headers(event):',
    '    headers = event.get("headers") or {}',
    '    origin = headers.get("origin") or headers.get("Origin")',
    '    out = {"Vary": "Origin"}',
    '    if origin in ALLOWED_ORIGINS:',
    '        out["Access-Control-Allow-Origin"] = origin',
    ...(s.credentials ? ['        out["Access-Control-Allow-Credentials"] = "true"'] : []),
    '    return out',
    '',
    '',
    'def handler(event, context):',
    '    cors = cors_headers(event)',
    '    method = event.get("httpMethod") or event.get("requestContext", {}).get("http", {}).get("method")',
    '    if method == "OPTIONS":',
    '        return {',
    '            "statusCode": 204,',
    '            "headers": {',
    '                **cors,',
    ...preflight,
    '            },',
    '            "body": "",',
    '        }',
    '    try:',
    '        result = handle(event)',
    '        return {"statusCode": 200, "headers": {**cors, "Content-Type": "application/json"}, "body": json.dumps(result)}',
    '    except Exception as err:  # noqa: BLE001 - every error path needs the headers',
    '        print(f"error: {err!r}")',
    '        # Without the CORS headers here the browser reports a CORS error and hides the real 500.',
    '        return {"statusCode": 500, "headers": {**cors, "Content-Type": "application/json"}, "body": json.dumps({"message": "Internal error"})}',
    '',
    '',
    'def handle(event):',
    '    # your existing logic',
    '    return {"ok": True}',
  ].join('\n');
  return { stack: 'python', title: 'Lambda handler (Python): CORS headers on every response, errors included', language: 'python', snippet };
}

export const lambdaNode = stack('lambda-node', { allow: nodeHandler, backend: nodeHandler, errors: nodeHandler });
export const lambdaPython = stack('lambda-python', { allow: pythonHandler, backend: pythonHandler, errors: pythonHandler });
