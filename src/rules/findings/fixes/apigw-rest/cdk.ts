/** API Gateway REST: AWS CDK (TypeScript). */
import type { Fix } from '../../../../model';
import type { CorsSpec } from '../../spec';
import { apigwStatic, jsStr } from '../quote';
import { stack } from '../types';
import { methodsWithOptions, responseHeaders } from './shared';

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

export const restCdk = stack('apigw-rest-cdk', {
  allow: cdkAllow,
  'preflight-no-auth': cdkPreflightNoAuth,
  errors: cdkErrors,
  deploy: cdkDeploy,
});
