/** API Gateway REST: Terraform (hashicorp/aws). */
import type { Fix } from '../../../../model';
import type { CorsSpec } from '../../spec';
import { apigwStatic, hclStr, labelFrom, plain } from '../quote';
import { stack } from '../types';
import { preflightHeaders, responseHeaders, stage } from './shared';

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
