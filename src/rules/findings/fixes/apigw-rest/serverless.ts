/** API Gateway REST: Serverless Framework. */
import type { Fix } from '../../../../model';
import type { CorsSpec } from '../../spec';
import { toYaml, type Data } from '../emit';
import { stack } from '../types';
import { mapping, responseHeaders } from './shared';

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

export const restServerless = stack('apigw-rest-serverless', {
  allow: serverlessAllow,
  errors: serverlessErrors,
});
