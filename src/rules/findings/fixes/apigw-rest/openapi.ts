/** API Gateway REST: OpenAPI definitions with x-amazon-apigateway extensions. */
import type { Fix } from '../../../../model';
import type { CorsSpec } from '../../spec';
import { toYaml, type Data } from '../emit';
import { stack } from '../types';
import { mapping, preflightHeaders, responseHeaders } from './shared';

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

export const restOpenApi = stack('apigw-rest-openapi', {
  allow: openApiAllow,
  'preflight-no-auth': openApiPreflightNoAuth,
  errors: openApiErrors,
  backend: openApiBackend,
});
