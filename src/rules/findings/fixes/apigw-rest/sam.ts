/** API Gateway REST: AWS SAM templates. */
import type { Fix } from '../../../../model';
import type { CorsSpec } from '../../spec';
import { toYaml, type Data } from '../emit';
import { apigwStatic } from '../quote';
import { stack } from '../types';
import { list, methodsWithOptions, responseHeaders, stage } from './shared';

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

export const restSam = stack('apigw-rest-sam', {
  allow: samAllow,
  'preflight-no-auth': samPreflightNoAuth,
  errors: samErrors,
  deploy: samDeploy,
});
