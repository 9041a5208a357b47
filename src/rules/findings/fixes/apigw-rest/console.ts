/** API Gateway REST: console steps and AWS CLI commands. */
import type { Fix } from '../../../../model';
import type { CorsSpec } from '../../spec';
import { plain, shStr } from '../quote';
import { stack } from '../types';
import { MULTI_ORIGIN_NOTE, apiId, list, mapping, methodsWithOptions, responseHeaders, stage } from './shared';

function consoleAllow(s: CorsSpec): Fix {
  const steps = [
    `API Gateway console → APIs → ${apiId(s)} → Resources → select ${s.resourcePath}.`,
    'Choose "Enable CORS".',
    `Access-Control-Allow-Origin: ${s.origin}`,
    s.headers.length > 0 ? `Access-Control-Allow-Headers: ${list(s.headers)}` : 'Access-Control-Allow-Headers: leave the default list.',
    `Access-Control-Allow-Methods: tick ${[...new Set(methodsWithOptions(s))].join(', ')}.`,
    'Tick "Default 4XX" and "Default 5XX" under gateway responses if the form offers them, so error answers carry the headers too.',
    ...(s.credentials ? ['Credentials: Enable CORS does not add Access-Control-Allow-Credentials. On OPTIONS add it under Method response (header) and Integration response (mapping value \'true\').'] : []),
    `Save, then Actions → Deploy API → stage "${stage(s)}". Nothing changes for callers until you deploy.`,
  ];
  const note = 'Lambda proxy and HTTP proxy integrations: this only creates the OPTIONS answer — your backend must still return Access-Control-Allow-Origin itself (see the handler fix).';
  return {
    stack: 'console',
    title: 'Enable CORS on the resource (console) and deploy',
    language: 'text',
    snippet: plain([...steps.map((t, i) => `${i + 1}. ${t}`), '', note].join('\n')),
  };
}

function consolePreflightNoAuth(s: CorsSpec): Fix {
  return {
    stack: 'console',
    title: 'Make OPTIONS unauthenticated (console) and deploy',
    language: 'text',
    snippet: plain([
      `1. API Gateway console → APIs → ${apiId(s)} → Resources → ${s.resourcePath} → OPTIONS.`,
      '2. Method request → Edit: Authorization = NONE, API key required = off. Browsers never send tokens or API keys on a preflight.',
      '3. If the resource has only ANY (or a /{proxy+} ANY) with an authorizer, add an explicit OPTIONS method (mock integration) — Enable CORS does this.',
      `4. Deploy API → stage "${stage(s)}".`,
    ].join('\n')),
  };
}

function consoleErrors(s: CorsSpec): Fix {
  const specific = s.gatewayResponseType && !s.gatewayResponseType.startsWith('DEFAULT_')
    ? [`This error is the ${s.gatewayResponseType} gateway response; DEFAULT_4XX/DEFAULT_5XX cover it unless ${s.gatewayResponseType} was customized — then add the headers there too.`]
    : [];
  return {
    stack: 'console',
    title: 'Add CORS headers to the gateway responses (console) and deploy',
    language: 'text',
    snippet: plain([
      `1. API Gateway console → APIs → ${apiId(s)} → Gateway responses.`,
      '2. Select "Default 4XX" → Edit → Response headers → add:',
      ...responseHeaders(s).map(([k, v]) => `     ${k} = '${v}'`),
      '3. Repeat for "Default 5XX".',
      ...specific.map((t) => `   ${t}`),
      `4. Deploy API → stage "${stage(s)}".`,
      ...MULTI_ORIGIN_NOTE(s),
    ].join('\n')),
  };
}

function consoleBackend(s: CorsSpec): Fix {
  return {
    stack: 'console',
    title: 'Non-proxy integration: map the header in the integration response',
    language: 'text',
    snippet: plain([
      `1. Resources → ${s.resourcePath} → ${s.method} → Method response → for each status (200, and your 4XX/5XX) add header Access-Control-Allow-Origin.`,
      `2. Integration response → same statuses → Header mappings → Access-Control-Allow-Origin = '${s.origin}'.`,
      ...(s.credentials ? ["   Also map Access-Control-Allow-Credentials = 'true'."] : []),
      `3. Deploy API → stage "${stage(s)}".`,
      'With Lambda proxy / HTTP proxy integration there is no integration response to edit: the backend must return the headers (handler fix).',
    ].join('\n')),
  };
}

function consoleDeploy(s: CorsSpec): Fix[] {
  return [
    {
      stack: 'console',
      title: 'Check what the stage really serves, then deploy',
      language: 'text',
      snippet: plain([
        `1. Resources: is there a method for ${s.resourcePath} (OPTIONS for a preflight)? The console's "Test" runs against this working copy, not against a stage — a method can work there and be missing live.`,
        `2. Stages → ${stage(s)} → check the deployment date and the resource tree under the stage.`,
        `3. Resources → Deploy API → stage "${stage(s)}".`,
      ].join('\n')),
    },
    {
      stack: 'shell',
      title: 'Compare the stage with the working copy and deploy (AWS CLI)',
      language: 'shell',
      snippet: [
        '# What the deployed stage serves:',
        `aws apigateway get-export --rest-api-id ${shStr(apiId(s))} --stage-name ${shStr(stage(s))} --export-type oas30 stage.json`,
        '# What the working copy has:',
        `aws apigateway get-resources --rest-api-id ${shStr(apiId(s))} --embed methods`,
        '# Deploy the working copy to the stage:',
        `aws apigateway create-deployment --rest-api-id ${shStr(apiId(s))} --stage-name ${shStr(stage(s))} --description 'CORS fix'`,
      ].join('\n'),
    },
  ];
}

function cliErrors(s: CorsSpec): Fix {
  const params = JSON.stringify(mapping('gatewayresponse.header.', responseHeaders(s)));
  return {
    stack: 'shell',
    title: 'AWS CLI: CORS headers on the default gateway responses, then deploy',
    language: 'shell',
    snippet: [
      ...['DEFAULT_4XX', 'DEFAULT_5XX'].map((t) =>
        `aws apigateway put-gateway-response --rest-api-id ${shStr(apiId(s))} --response-type ${t} --response-parameters ${shStr(params)}`),
      `aws apigateway create-deployment --rest-api-id ${shStr(apiId(s))} --stage-name ${shStr(stage(s))}`,
    ].join('\n'),
  };
}

export const restConsole = stack('apigw-rest-console', {
  allow: consoleAllow,
  'preflight-no-auth': consolePreflightNoAuth,
  errors: (s) => [consoleErrors(s), cliErrors(s)],
  backend: consoleBackend,
  deploy: consoleDeploy,
  'single-source': (s) => ({
    stack: 'console',
    title: 'Keep CORS headers in one place',
    language: 'text',
    snippet: plain([
      `Two layers add the same header for ${s.resourcePath}. Keep one:`,
      '- Lambda proxy integration: let the function return the headers and remove any header mapping / gateway-response duplicates for the same status.',
      '- Non-proxy integration: keep the integration-response mapping and stop returning the headers from the backend.',
      'Anything in front of API Gateway (nginx, a proxy, a CloudFront response headers policy) must not add them a second time.',
    ].join('\n')),
  }),
});
