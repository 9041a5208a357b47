/**
 * Fix stacks for Amazon API Gateway REST APIs (v1): console, OpenAPI, SAM, CDK, Serverless
 * Framework, Terraform and the AWS CLI. Facts behind them: shared/reference/platforms.md §2–§3.
 */
export { restConsole } from './console';
export { restOpenApi } from './openapi';
export { restSam } from './sam';
export { restCdk } from './cdk';
export { restServerless } from './serverless';
export { restTerraform } from './terraform';
