/**
 * Fix stacks for Amazon API Gateway REST APIs (v1): console, OpenAPI, SAM, CDK, Serverless
 * Framework, Terraform and the AWS CLI. Facts behind them: shared/reference/platforms.md §2–§3.
 */
import type { Fix } from '../../../model';
import type { CorsSpec } from '../spec';
import { toYaml, type Data } from './emit';
import { apigwStatic, hclStr, jsStr, labelFrom, plain, shStr } from './quote';
import { stack } from './types';

const apiId = (s: CorsSpec): string => s.api.restApiId ?? 'YOUR_API_ID';
const stage = (s: CorsSpec): string => s.api.stage ?? 'YOUR_STAGE';
const methodsWithOptions = (s: CorsSpec): string[] => [...s.methods, 'OPTIONS'];
const list = (items: readonly string[]): string => items.join(',');

/** The Access-Control-* headers an OPTIONS answer needs, as header name → value. */
function preflightHeaders(s: CorsSpec): Array<[string, string]> {
  const out: Array<[string, string]> = [
    ['Access-Control-Allow-Origin', s.origin],
    ['Access-Control-Allow-Methods', list(methodsWithOptions(s))],
  ];
  if (s.headers.length > 0) out.push(['Access-Control-Allow-Headers', list(s.headers)]);
  if (s.credentials) out.push(['Access-Control-Allow-Credentials', 'true']);
  out.push(['Access-Control-Max-Age', String(s.maxAge)]);
  return out;
}

/** Headers an actual or error response needs. */
function responseHeaders(s: CorsSpec): Array<[string, string]> {
  const out: Array<[string, string]> = [['Access-Control-Allow-Origin', s.origin]];
  if (s.credentials) out.push(['Access-Control-Allow-Credentials', 'true']);
  return out;
}

function mapping(prefix: string, headers: Array<[string, string]>): Record<string, string> {
  return Object.fromEntries(headers.map(([k, v]) => [`${prefix}${k}`, apigwStatic(v)]));
}

const MULTI_ORIGIN_NOTE = (s: CorsSpec): string[] =>
  s.origins.length > 1
    ? [`A static value allows one origin. To serve ${s.origins.length} origins, return the matching one from your backend (see the handler fix).`]
    : [];

// ---------- console ----------

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

// ---------- OpenAPI ----------

function openApiAllow(s: CorsSpec): Fix {
  const headers = preflightHeaders(s);
  const doc: Data = {
    paths: {
      [s.resourcePath]: {
        options: {
          summary: 'CORS preflight',
          security: [],
          responses: {
            '200': {
              description: 'CORS preflight',
              headers: Object.fromEntries(headers.map(([k]) => [k, { schema: { type: 'string' } }])),
            },
          },
          'x-amazon-apigateway-integration': {
            type: 'mock',
            passthroughBehavior: 'when_no_match',
            requestTemplates: { 'application/json': '{"statusCode": 200}' },
            responses: {
              default: { statusCode: '200', responseParameters: mapping('method.response.header.', headers) },
            },
          },
        },
      },
    },
    'x-amazon-apigateway-gateway-responses': {
      DEFAULT_4XX: { responseParameters: mapping('gatewayresponse.header.', responseHeaders(s)) },
      DEFAULT_5XX: { responseParameters: mapping('gatewayresponse.header.', responseHeaders(s)) },
    },
  };
  return {
    stack: 'openapi',
    title: 'OpenAPI: mock OPTIONS method and gateway responses',
    language: 'yaml',
    snippet: toYaml(doc, [
      'Merge into your OpenAPI 3 definition. `security: []` keeps authorizers and API keys off the preflight.',
      'Proxy integrations must still return Access-Control-Allow-Origin from the backend.',
    ]),
  };
}

function openApiPreflightNoAuth(s: CorsSpec): Fix {
  return {
    stack: 'openapi',
    title: 'OpenAPI: exempt OPTIONS from the global security requirement',
    language: 'yaml',
    snippet: toYaml({ paths: { [s.resourcePath]: { options: { security: [] } } } }, [
      'A top-level `security:` applies to every operation, OPTIONS included, unless the operation says `security: []`.',
    ]),
  };
}

function openApiErrors(s: CorsSpec): Fix {
  const params = mapping('gatewayresponse.header.', responseHeaders(s));
  return {
    stack: 'openapi',
    title: 'OpenAPI: CORS headers on DEFAULT_4XX and DEFAULT_5XX',
    language: 'yaml',
    snippet: toYaml({
      'x-amazon-apigateway-gateway-responses': {
        DEFAULT_4XX: { responseParameters: params },
        DEFAULT_5XX: { responseParameters: params },
      },
    }, ['Top level of the OpenAPI definition.']),
  };
}

function openApiBackend(s: CorsSpec): Fix {
  const params = mapping('method.response.header.', responseHeaders(s));
  return {
    stack: 'openapi',
    title: 'OpenAPI (non-proxy integration): map the header on every integration response',
    language: 'yaml',
    snippet: toYaml({
      paths: {
        [s.resourcePath]: {
          [s.method.toLowerCase()]: {
            responses: {
              '200': { description: 'OK', headers: { 'Access-Control-Allow-Origin': { schema: { type: 'string' } } } },
            },
            'x-amazon-apigateway-integration': {
              responses: { default: { statusCode: '200', responseParameters: params } },
            },
          },
        },
      },
    }, ['Repeat the mapping for each error status you map (e.g. a ".*error.*" selection pattern → 500).']),
  };
}

// ---------- SAM ----------

function samAllow(s: CorsSpec): Fix {
  const cors: Record<string, Data> = {
    AllowMethods: apigwStatic(list(methodsWithOptions(s))),
    AllowOrigin: apigwStatic(s.origin),
    MaxAge: apigwStatic(String(s.maxAge)),
  };
  if (s.headers.length > 0) cors.AllowHeaders = apigwStatic(list(s.headers));
  if (s.credentials) cors.AllowCredentials = true;
  return {
    stack: 'sam',
    title: 'SAM: Cors on the API (values need the inner single quotes)',
    language: 'yaml',
    snippet: toYaml({ Globals: { Api: { Cors: cors } } }, [
      'SAM creates mock OPTIONS methods from this. With Lambda proxy integration your function must still return the headers.',
    ]),
  };
}

function samPreflightNoAuth(): Fix {
  return {
    stack: 'sam',
    title: 'SAM: keep the default authorizer and API key off OPTIONS',
    language: 'yaml',
    snippet: toYaml({
      Resources: {
        MyApi: {
          Type: 'AWS::Serverless::Api',
          Properties: {
            Auth: { AddDefaultAuthorizerToCorsPreflight: false, AddApiKeyRequiredToCorsPreflight: false },
          },
        },
      },
    }, ['Both settings default to true, which puts your authorizer / API key on the CORS preflight.']),
  };
}

function samErrors(s: CorsSpec): Fix {
  const headers = Object.fromEntries(responseHeaders(s).map(([k, v]) => [k, apigwStatic(v)]));
  return {
    stack: 'sam',
    title: 'SAM: GatewayResponses with CORS headers',
    language: 'yaml',
    snippet: toYaml({
      Resources: {
        MyApi: {
          Type: 'AWS::Serverless::Api',
          Properties: {
            StageName: stage(s),
            GatewayResponses: {
              DEFAULT_4XX: { ResponseParameters: { Headers: headers } },
              DEFAULT_5XX: { ResponseParameters: { Headers: headers } },
            },
          },
        },
      },
    }),
  };
}

function samDeploy(): Fix {
  return {
    stack: 'sam',
    title: 'SAM: redeploy',
    language: 'shell',
    snippet: [
      '# SAM creates a new API Gateway deployment when the API definition changes.',
      'sam build && sam deploy',
      '# If the stage still serves the old definition, check that the change is inside the AWS::Serverless::Api',
      '# (DefinitionBody / Cors / Auth) and not made by hand in the console, which the next deploy overwrites.',
    ].join('\n'),
  };
}

// ---------- CDK ----------

function cdkAllow(s: CorsSpec): Fix {
  const lines = [
    "import { Duration } from 'aws-cdk-lib';",
    "import * as apigateway from 'aws-cdk-lib/aws-apigateway';",
    '',
    "const api = new apigateway.RestApi(this, 'Api', {",
    '  defaultCorsPreflightOptions: {',
    `    allowOrigins: [${s.origins.map(jsStr).join(', ')}],`,
    `    allowMethods: [${methodsWithOptions(s).map(jsStr).join(', ')}],`,
    ...(s.headers.length > 0 ? [`    allowHeaders: [${s.headers.map(jsStr).join(', ')}],`] : []),
    ...(s.credentials ? ['    allowCredentials: true,'] : []),
    `    maxAge: Duration.seconds(${s.maxAge}),`,
    '  },',
    '});',
    ...cdkGatewayResponses(s),
  ];
  const comments = s.origins.length > 1
    ? ['// With several allowOrigins, CDK returns the FIRST origin to any origin not in the list (aws/aws-cdk#30453):', '// make sure every page origin is listed.']
    : [];
  return { stack: 'cdk', title: 'CDK: defaultCorsPreflightOptions and gateway responses', language: 'typescript', snippet: [...comments, ...lines].join('\n') };
}

function cdkGatewayResponses(s: CorsSpec): string[] {
  const headers = responseHeaders(s).map(([k, v]) => `    ${jsStr(k)}: ${jsStr(apigwStatic(v))},`);
  return ['4XX', '5XX'].flatMap((kind) => [
    `api.addGatewayResponse(${jsStr(`Default${kind}`)}, {`,
    `  type: apigateway.ResponseType.DEFAULT_${kind},`,
    '  responseHeaders: {',
    ...headers,
    '  },',
    '});',
  ]);
}

function cdkErrors(s: CorsSpec): Fix {
  return {
    stack: 'cdk',
    title: 'CDK: gateway responses with CORS headers',
    language: 'typescript',
    snippet: ["import * as apigateway from 'aws-cdk-lib/aws-apigateway';", '', 'declare const api: apigateway.RestApi;', ...cdkGatewayResponses(s)].join('\n'),
  };
}

function cdkPreflightNoAuth(): Fix {
  return {
    stack: 'cdk',
    title: 'CDK: an explicit OPTIONS method without auth',
    language: 'typescript',
    snippet: [
      "import * as apigateway from 'aws-cdk-lib/aws-apigateway';",
      '',
      'declare const resource: apigateway.Resource;',
      '// defaultCorsPreflightOptions creates OPTIONS without auth in current CDK versions (aws/aws-cdk#22402);',
      '// if you add OPTIONS yourself, or use defaultMethodOptions with an old CDK, set it explicitly:',
      "resource.addMethod('OPTIONS', new apigateway.MockIntegration({ /* CORS integration responses */ }), {",
      '  authorizationType: apigateway.AuthorizationType.NONE,',
      '  apiKeyRequired: false,',
      '});',
    ].join('\n'),
  };
}

function cdkDeploy(): Fix {
  return {
    stack: 'cdk',
    title: 'CDK: redeploy the stage',
    language: 'shell',
    snippet: [
      '# RestApi (deploy: true, the default) creates a new deployment when its methods change.',
      'npx cdk deploy',
      '# Methods added to an imported RestApi do not trigger one: add a new apigateway.Deployment',
      '# (or call deployment.addToLogicalId(...) with something that changes) so a new snapshot is made.',
    ].join('\n'),
  };
}

// ---------- Serverless Framework ----------

function serverlessAllow(s: CorsSpec): Fix {
  const cors: Record<string, Data> = s.origins.length > 1 ? { origins: s.origins } : { origin: s.origin };
  if (s.headers.length > 0) cors.headers = s.headers;
  if (s.credentials) cors.allowCredentials = true;
  return {
    stack: 'serverless',
    title: 'Serverless Framework: cors on the http event',
    language: 'yaml',
    snippet: toYaml({
      functions: {
        api: {
          handler: 'handler.main',
          events: [{ http: { path: s.resourcePath.replace(/^\//, '') || '/', method: s.method.toLowerCase(), cors } }],
        },
      },
    }, [
      'Use the same cors settings on every event of this path: different settings on one path produce two origins in one header.',
      'With the default lambda-proxy integration your function must still return the headers.',
    ]),
  };
}

function serverlessErrors(s: CorsSpec): Fix {
  const params = mapping('gatewayresponse.header.', responseHeaders(s));
  const resource = (type: string): Data => ({
    Type: 'AWS::ApiGateway::GatewayResponse',
    Properties: { ResponseType: type, RestApiId: { Ref: 'ApiGatewayRestApi' }, ResponseParameters: params },
  });
  return {
    stack: 'serverless',
    title: 'Serverless Framework: gateway responses with CORS headers',
    language: 'yaml',
    snippet: toYaml({ resources: { Resources: { GatewayResponseDefault4XX: resource('DEFAULT_4XX'), GatewayResponseDefault5XX: resource('DEFAULT_5XX') } } }),
  };
}

// ---------- Terraform ----------

const TF_REF = {
  api: 'aws_api_gateway_rest_api.api.id',
  resource: 'aws_api_gateway_resource.this.id',
};

function tfMap(entries: Array<[string, string]>, indent: string): string {
  return entries.map(([k, v]) => `${indent}${hclStr(k)} = ${v}`).join('\n');
}

function terraformAllow(s: CorsSpec): Fix {
  const label = `${labelFrom(s.resourcePath, 'resource')}_options`;
  const headers = preflightHeaders(s);
  const snippet = [
    `# Point aws_api_gateway_resource.this at ${plain(s.resourcePath)}.`,
    `resource "aws_api_gateway_method" "${label}" {`,
    `  rest_api_id      = ${TF_REF.api}`,
    `  resource_id      = ${TF_REF.resource}`,
    '  http_method      = "OPTIONS"',
    '  authorization    = "NONE"',
    '  api_key_required = false',
    '}',
    '',
    `resource "aws_api_gateway_integration" "${label}" {`,
    `  rest_api_id       = ${TF_REF.api}`,
    `  resource_id       = ${TF_REF.resource}`,
    `  http_method       = aws_api_gateway_method.${label}.http_method`,
    '  type              = "MOCK"',
    `  request_templates = { "application/json" = ${hclStr('{"statusCode": 200}')} }`,
    '}',
    '',
    `resource "aws_api_gateway_method_response" "${label}" {`,
    `  rest_api_id = ${TF_REF.api}`,
    `  resource_id = ${TF_REF.resource}`,
    `  http_method = aws_api_gateway_method.${label}.http_method`,
    '  status_code = "200"',
    '  response_parameters = {',
    tfMap(headers.map(([k]) => [`method.response.header.${k}`, 'true']), '    '),
    '  }',
    '}',
    '',
    `resource "aws_api_gateway_integration_response" "${label}" {`,
    `  rest_api_id = ${TF_REF.api}`,
    `  resource_id = ${TF_REF.resource}`,
    `  http_method = aws_api_gateway_method.${label}.http_method`,
    `  status_code = aws_api_gateway_method_response.${label}.status_code`,
    '  response_parameters = {',
    tfMap(headers.map(([k, v]) => [`method.response.header.${k}`, hclStr(apigwStatic(v))]), '    '),
    '  }',
    `  depends_on = [aws_api_gateway_integration.${label}]`,
    '}',
    '',
    '# Then redeploy: see the aws_api_gateway_deployment triggers fix.',
  ].join('\n');
  return { stack: 'terraform', title: 'Terraform: mock OPTIONS method with CORS headers', language: 'hcl', snippet };
}

function terraformErrors(s: CorsSpec): Fix {
  const block = (type: string): string => [
    `resource "aws_api_gateway_gateway_response" "${type.toLowerCase()}" {`,
    `  rest_api_id   = ${TF_REF.api}`,
    `  response_type = "${type}"`,
    '  response_parameters = {',
    tfMap(responseHeaders(s).map(([k, v]) => [`gatewayresponse.header.${k}`, hclStr(apigwStatic(v))]), '    '),
    '  }',
    '}',
  ].join('\n');
  return {
    stack: 'terraform',
    title: 'Terraform: CORS headers on DEFAULT_4XX / DEFAULT_5XX',
    language: 'hcl',
    snippet: [block('DEFAULT_4XX'), '', block('DEFAULT_5XX')].join('\n'),
  };
}

function terraformDeploy(s: CorsSpec): Fix {
  return {
    stack: 'terraform',
    title: 'Terraform: redeploy when the API changes (triggers)',
    language: 'hcl',
    snippet: [
      '# Without triggers, aws_api_gateway_deployment is not recreated when methods change (hashicorp/terraform#6613).',
      'resource "aws_api_gateway_deployment" "this" {',
      `  rest_api_id = ${TF_REF.api}`,
      '  triggers = {',
      '    redeployment = sha1(jsonencode([',
      '      aws_api_gateway_resource.this,',
      '      aws_api_gateway_method.this,',
      '      aws_api_gateway_integration.this,',
      '    ]))',
      '  }',
      '  lifecycle {',
      '    create_before_destroy = true',
      '  }',
      '}',
      '',
      'resource "aws_api_gateway_stage" "this" {',
      `  rest_api_id   = ${TF_REF.api}`,
      '  deployment_id = aws_api_gateway_deployment.this.id',
      `  stage_name    = ${hclStr(stage(s))}`,
      '}',
    ].join('\n'),
  };
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
export const restOpenApi = stack('apigw-rest-openapi', {
  allow: openApiAllow,
  'preflight-no-auth': openApiPreflightNoAuth,
  errors: openApiErrors,
  backend: openApiBackend,
});
export const restSam = stack('apigw-rest-sam', {
  allow: samAllow,
  'preflight-no-auth': samPreflightNoAuth,
  errors: samErrors,
  deploy: samDeploy,
});
export const restCdk = stack('apigw-rest-cdk', {
  allow: cdkAllow,
  'preflight-no-auth': cdkPreflightNoAuth,
  errors: cdkErrors,
  deploy: cdkDeploy,
});
export const restServerless = stack('apigw-rest-serverless', {
  allow: serverlessAllow,
  errors: serverlessErrors,
});
export const restTerraform = stack('apigw-rest-terraform', {
  allow: terraformAllow,
  'preflight-no-auth': (s) => ({
    stack: 'terraform',
    title: 'Terraform: OPTIONS without authorizer or API key',
    language: 'hcl',
    snippet: [
      `resource "aws_api_gateway_method" "${labelFrom(s.resourcePath, 'resource')}_options" {`,
      `  rest_api_id      = ${TF_REF.api}`,
      `  resource_id      = ${TF_REF.resource}`,
      '  http_method      = "OPTIONS"',
      '  authorization    = "NONE"',
      '  api_key_required = false',
      '}',
    ].join('\n'),
  }),
  errors: terraformErrors,
  deploy: terraformDeploy,
});
