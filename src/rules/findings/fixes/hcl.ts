/** HCL (Terraform) pieces shared by the stacks that write Terraform. */
import type { CorsSpec } from '../spec';
import { hclStr } from './quote';

/** A list of quoted strings: ["a", "b"]. */
export function hclList(items: readonly string[]): string {
  return `[${items.map(hclStr).join(', ')}]`;
}

/**
 * The attributes of a Lambda-style `cors` block (aws_apigatewayv2_api's cors_configuration,
 * aws_lambda_function_url's cors), indented for a block inside a resource.
 */
export function corsBlockAttributes(s: CorsSpec, methods: readonly string[]): string[] {
  return [
    `    allow_origins     = ${hclList(s.origins)}`,
    `    allow_methods     = ${hclList(methods)}`,
    ...(s.headers.length > 0 ? [`    allow_headers     = ${hclList(s.headers)}`] : []),
    `    allow_credentials = ${s.credentials ? 'true' : 'false'}`,
    `    max_age           = ${s.maxAge}`,
  ];
}
