/**
 * Fix stacks for Amazon API Gateway HTTP APIs (v2). Once CORS is configured on an HTTP API,
 * API Gateway answers preflights itself and ignores CORS headers from the integration
 * (AWS docs, http-api-cors).
 */
import type { Fix } from '../../../model';
import type { CorsSpec } from '../spec';
import { toJson, toYaml, type Data } from './emit';
import { corsBlockAttributes } from './hcl';
import { jsStr, plain, shStr } from './quote';
import { stack } from './types';

const apiId = (s: CorsSpec): string => s.api.restApiId ?? 'YOUR_API_ID';
const CDK_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE']);

/** The CORS configuration in the shape shared by OpenAPI, CloudFormation and the CLI. */
function corsConfig(s: CorsSpec, keyCase: 'camel' | 'pascal'): Record<string, Data> {
  const k = (name: string): string => (keyCase === 'pascal' ? name[0]!.toUpperCase() + name.slice(1) : name);
  const out: Record<string, Data> = {
    [k('allowOrigins')]: s.origins,
    [k('allowMethods')]: [...s.methods, 'OPTIONS'],
  };
  if (s.headers.length > 0) out[k('allowHeaders')] = s.headers;
  if (s.exposeHeaders.length > 0) out[k('exposeHeaders')] = s.exposeHeaders;
  if (s.credentials) out[k('allowCredentials')] = true;
  out[k('maxAge')] = s.maxAge;
  return out;
}

function consoleAllow(s: CorsSpec): Fix {
  return {
    stack: 'console',
    title: 'Configure CORS on the HTTP API (console)',
    language: 'text',
    snippet: plain([
      `1. API Gateway console → APIs → ${apiId(s)} → CORS → Configure.`,
      `2. Access-Control-Allow-Origin: add ${s.origins.join(', ')} (choose Add after each value).`,
      ...(s.headers.length > 0 ? [`3. Access-Control-Allow-Headers: add ${s.headers.join(', ')}.`] : ['3. Access-Control-Allow-Headers: leave empty if the page sends no custom headers.']),
      `4. Access-Control-Allow-Methods: ${[...s.methods, 'OPTIONS'].join(', ')}.`,
      `5. Access-Control-Allow-Credentials: ${s.credentials ? 'YES (the origin cannot be * then)' : 'NO'}; Access-Control-Max-Age: ${s.maxAge}.`,
      '6. Save. Stages without automatic deployment need a new deployment.',
      'From now on API Gateway answers preflights itself and ignores CORS headers returned by your integration.',
    ].join('\n')),
  };
}

function openApiAllow(s: CorsSpec): Fix {
  return {
    stack: 'openapi',
    title: 'OpenAPI: x-amazon-apigateway-cors',
    language: 'yaml',
    snippet: toYaml({ 'x-amazon-apigateway-cors': corsConfig(s, 'camel') }, ['Top level of the HTTP API OpenAPI definition.']),
  };
}

function samAllow(s: CorsSpec): Fix {
  return {
    stack: 'sam',
    title: 'SAM: CorsConfiguration on AWS::Serverless::HttpApi',
    language: 'yaml',
    snippet: toYaml({ Resources: { MyHttpApi: { Type: 'AWS::Serverless::HttpApi', Properties: { CorsConfiguration: corsConfig(s, 'pascal') } } } }),
  };
}

function cdkMethod(m: string): string {
  const upper = m.toUpperCase();
  return `apigwv2.CorsHttpMethod.${CDK_METHODS.has(upper) ? upper : 'ANY'}`;
}

function cdkAllow(s: CorsSpec): Fix {
  const methods = [...new Set([...s.methods, 'OPTIONS'].map(cdkMethod))];
  return {
    stack: 'cdk',
    title: 'CDK: corsPreflight on the HttpApi',
    language: 'typescript',
    snippet: [
      "import { Duration } from 'aws-cdk-lib';",
      "import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';",
      '',
      "const httpApi = new apigwv2.HttpApi(this, 'HttpApi', {",
      '  corsPreflight: {',
      `    allowOrigins: [${s.origins.map(jsStr).join(', ')}],`,
      `    allowMethods: [${methods.join(', ')}],`,
      ...(s.headers.length > 0 ? [`    allowHeaders: [${s.headers.map(jsStr).join(', ')}],`] : []),
      ...(s.credentials ? ['    allowCredentials: true,'] : []),
      `    maxAge: Duration.seconds(${s.maxAge}),`,
      '  },',
      '});',
    ].join('\n'),
  };
}

function serverlessAllow(s: CorsSpec): Fix {
  const cors: Record<string, Data> = { allowedOrigins: s.origins, allowedMethods: [...s.methods, 'OPTIONS'] };
  if (s.headers.length > 0) cors.allowedHeaders = s.headers;
  if (s.credentials) cors.allowCredentials = true;
  cors.maxAge = s.maxAge;
  return {
    stack: 'serverless',
    title: 'Serverless Framework: provider.httpApi.cors',
    language: 'yaml',
    snippet: toYaml({ provider: { httpApi: { cors } } }),
  };
}

function terraformAllow(s: CorsSpec): Fix {
  return {
    stack: 'terraform',
    title: 'Terraform: cors_configuration on aws_apigatewayv2_api',
    language: 'hcl',
    snippet: [
      'resource "aws_apigatewayv2_api" "this" {',
      '  name          = "api"',
      '  protocol_type = "HTTP"',
      '',
      '  cors_configuration {',
      ...corsBlockAttributes(s, [...s.methods, 'OPTIONS']),
      '  }',
      '}',
    ].join('\n'),
  };
}

function cliAllow(s: CorsSpec): Fix {
  return {
    stack: 'shell',
    title: 'AWS CLI: set the HTTP API CORS configuration',
    language: 'shell',
    snippet: `aws apigatewayv2 update-api --api-id ${shStr(apiId(s))} --cors-configuration ${shStr(toJson(corsConfig(s, 'pascal')).replace(/\n\s*/g, ' '))}`,
  };
}

function preflightNoAuth(s: CorsSpec): Fix[] {
  return [
    {
      stack: 'console',
      title: 'Keep the authorizer off OPTIONS (HTTP API)',
      language: 'text',
      snippet: plain([
        '1. Configure CORS on the API (CORS menu): API Gateway then answers preflights itself.',
        '2. If a $default or ANY route with an authorizer still catches OPTIONS, add a route "OPTIONS /{proxy+}" with no authorizer',
        '   (attach any integration; with CORS configured API Gateway answers the preflight).',
        `3. Deploy, unless the stage auto-deploys. API: ${apiId(s)}.`,
      ].join('\n')),
    },
    {
      stack: 'terraform',
      title: 'Terraform: an unauthenticated OPTIONS /{proxy+} route',
      language: 'hcl',
      snippet: [
        'resource "aws_apigatewayv2_route" "preflight" {',
        '  api_id             = aws_apigatewayv2_api.this.id',
        '  route_key          = "OPTIONS /{proxy+}"',
        '  authorization_type = "NONE"',
        '  target             = "integrations/${aws_apigatewayv2_integration.this.id}"',
        '}',
      ].join('\n'),
    },
    {
      stack: 'cdk',
      title: 'CDK: OPTIONS route without the default authorizer',
      language: 'typescript',
      snippet: [
        "import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';",
        '',
        'declare const httpApi: apigwv2.HttpApi;',
        'declare const integration: apigwv2.HttpRouteIntegration;',
        'httpApi.addRoutes({',
        "  path: '/{proxy+}',",
        '  methods: [apigwv2.HttpMethod.OPTIONS],',
        '  integration,',
        '  authorizer: new apigwv2.HttpNoneAuthorizer(),',
        '});',
      ].join('\n'),
    },
    {
      stack: 'sam',
      title: 'SAM: OPTIONS event without authorizer',
      language: 'yaml',
      snippet: toYaml({
        Resources: {
          ApiFunction: {
            Type: 'AWS::Serverless::Function',
            Properties: { Events: { Preflight: { Type: 'HttpApi', Properties: { Path: '/{proxy+}', Method: 'OPTIONS', Auth: { Authorizer: 'NONE' } } } } },
          },
        },
      }),
    },
  ];
}

function deploy(s: CorsSpec): Fix {
  return {
    stack: 'shell',
    title: 'Deploy the HTTP API stage (when it does not auto-deploy)',
    language: 'shell',
    snippet: [
      `aws apigatewayv2 get-stages --api-id ${shStr(apiId(s))}`,
      `aws apigatewayv2 create-deployment --api-id ${shStr(apiId(s))} --stage-name ${shStr(s.api.stage ?? 'YOUR_STAGE')}`,
    ].join('\n'),
  };
}

const allowAll = (s: CorsSpec): Fix[] => [consoleAllow(s), cliAllow(s)];

export const httpConsole = stack('apigw-http-console', {
  allow: allowAll,
  errors: (s) => ({
    ...consoleAllow(s),
    title: 'Configure CORS on the HTTP API so API Gateway adds the headers to integration responses',
  }),
  'preflight-no-auth': preflightNoAuth,
  deploy,
});
export const httpOpenApi = stack('apigw-http-openapi', { allow: openApiAllow, errors: openApiAllow });
export const httpSam = stack('apigw-http-sam', { allow: samAllow, errors: samAllow });
export const httpCdk = stack('apigw-http-cdk', { allow: cdkAllow, errors: cdkAllow });
export const httpServerless = stack('apigw-http-serverless', { allow: serverlessAllow, errors: serverlessAllow });
export const httpTerraform = stack('apigw-http-terraform', { allow: terraformAllow, errors: terraformAllow });
