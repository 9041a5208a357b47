/**
 * Fix stacks for Lambda function URLs. The URL's CORS config makes Lambda add the headers to
 * every response (config wins over headers from code); AllowMethods takes at most 6 of
 * GET, PUT, HEAD, POST, PATCH, DELETE or `*` (AWS::Lambda::Url Cors).
 */
import type { Fix } from '../../../model';
import type { CorsSpec } from '../spec';
import { toJson, toYaml, type Data } from './emit';
import { corsBlockAttributes } from './hcl';
import { jsStr, plain, shStr } from './quote';
import { stack } from './types';

const URL_METHODS = new Set(['GET', 'PUT', 'HEAD', 'POST', 'PATCH', 'DELETE']);
const fn = 'YOUR_FUNCTION';

/** Function URL methods: the allowed set only, `*` when something else (or more than 6) is needed. */
function urlMethods(s: CorsSpec): string[] {
  const upper = [...new Set(s.methods.map((m) => m.toUpperCase()))];
  if (upper.some((m) => !URL_METHODS.has(m)) || upper.length > 6) return ['*'];
  return upper;
}

function config(s: CorsSpec): Record<string, Data> {
  const out: Record<string, Data> = { AllowOrigins: s.origins, AllowMethods: urlMethods(s) };
  if (s.headers.length > 0) out.AllowHeaders = s.headers;
  if (s.exposeHeaders.length > 0) out.ExposeHeaders = s.exposeHeaders;
  if (s.credentials) out.AllowCredentials = true;
  out.MaxAge = s.maxAge;
  return out;
}

function consoleAllow(s: CorsSpec): Fix {
  return {
    stack: 'console',
    title: 'Configure CORS on the function URL (console)',
    language: 'text',
    snippet: plain([
      '1. Lambda console → your function → Configuration → Function URL → Edit → Configure cross-origin resource sharing (CORS).',
      `2. Allow origin: ${s.origins.join(', ')}`,
      ...(s.headers.length > 0 ? [`3. Allow headers: ${s.headers.join(', ')} — one header per field; "Content-Type,Authorization" typed into one field is one (invalid) header name.`] : ['3. Allow headers: leave empty unless the page sends custom headers.']),
      `4. Allow methods: ${urlMethods(s).join(', ')}`,
      `5. Allow credentials: ${s.credentials ? 'on' : 'off'}; Max age: ${s.maxAge}.`,
      '6. Save. Lambda now adds these headers to every response; remove CORS headers from your code to avoid duplicates.',
    ].join('\n')),
  };
}

function cliAllow(s: CorsSpec): Fix {
  return {
    stack: 'shell',
    title: 'AWS CLI: set the function URL CORS config',
    language: 'shell',
    snippet: `aws lambda update-function-url-config --function-name ${fn} --cors ${shStr(toJson(config(s)).replace(/\n\s*/g, ' '))}`,
  };
}

function samAllow(s: CorsSpec): Fix {
  return {
    stack: 'sam',
    title: 'SAM: FunctionUrlConfig.Cors',
    language: 'yaml',
    snippet: toYaml({
      Resources: {
        ApiFunction: {
          Type: 'AWS::Serverless::Function',
          Properties: { FunctionUrlConfig: { AuthType: 'NONE', Cors: config(s) } },
        },
      },
    }, ['Keep AuthType as it is today; NONE is shown because browsers cannot sign requests with SigV4.']),
  };
}

function cdkAllow(s: CorsSpec): Fix {
  const methods = urlMethods(s).map((m) => (m === '*' ? 'lambda.HttpMethod.ALL' : `lambda.HttpMethod.${m}`));
  return {
    stack: 'cdk',
    title: 'CDK: addFunctionUrl with cors',
    language: 'typescript',
    snippet: [
      "import { Duration } from 'aws-cdk-lib';",
      "import * as lambda from 'aws-cdk-lib/aws-lambda';",
      '',
      'declare const fn: lambda.Function;',
      'fn.addFunctionUrl({',
      '  authType: lambda.FunctionUrlAuthType.NONE, // keep your current auth type',
      '  cors: {',
      `    allowedOrigins: [${s.origins.map(jsStr).join(', ')}],`,
      `    allowedMethods: [${methods.join(', ')}],`,
      ...(s.headers.length > 0 ? [`    allowedHeaders: [${s.headers.map(jsStr).join(', ')}],`] : []),
      ...(s.credentials ? ['    allowCredentials: true,'] : []),
      `    maxAge: Duration.seconds(${s.maxAge}),`,
      '  },',
      '});',
    ].join('\n'),
  };
}

function terraformAllow(s: CorsSpec): Fix {
  return {
    stack: 'terraform',
    title: 'Terraform: cors block on aws_lambda_function_url',
    language: 'hcl',
    snippet: [
      'resource "aws_lambda_function_url" "this" {',
      '  function_name      = aws_lambda_function.this.function_name',
      '  authorization_type = "NONE" # keep your current auth type',
      '',
      '  cors {',
      ...corsBlockAttributes(s, urlMethods(s)),
      '  }',
      '}',
    ].join('\n'),
  };
}

function singleSource(): Fix[] {
  return [
    {
      stack: 'console',
      title: 'Function URL: CORS config or code, not both',
      language: 'text',
      snippet: plain([
        'Lambda adds the function URL CORS config to every response, and the function adds its own headers:',
        'the browser receives both and refuses the doubled value. Keep one:',
        '- keep the function URL CORS config and delete the Access-Control-* headers from the code, or',
        '- remove the CORS config from the function URL and keep them in the code (remember OPTIONS and error paths).',
      ].join('\n')),
    },
    {
      stack: 'shell',
      title: 'See the current function URL CORS config',
      language: 'shell',
      snippet: `aws lambda get-function-url-config --function-name ${fn}`,
    },
  ];
}

function preflightNoAuth(): Fix {
  return {
    stack: 'console',
    title: 'Function URL auth type and invoke permissions',
    language: 'text',
    snippet: plain([
      'Browsers cannot sign requests with SigV4, and a preflight never carries credentials.',
      '- Auth type AWS_IAM: put CloudFront with origin access control in front, or use auth type NONE and check a token in the function.',
      '- Auth type NONE answering 403: since October 2025 the resource policy needs both lambda:InvokeFunctionUrl and',
      '  lambda:InvokeFunction (with the "invoked via function URL" condition) for public access.',
    ].join('\n')),
  };
}

export const urlConsole = stack('lambda-url-console', {
  allow: (s) => [consoleAllow(s), cliAllow(s)],
  // A 403 from the function URL's own authorization is fixed by auth/permissions, not by CORS alone.
  errors: (s) => [{ ...consoleAllow(s), title: 'Function URL CORS config: Lambda adds the headers to the function\'s responses' }, preflightNoAuth()],
  'single-source': singleSource,
  'preflight-no-auth': preflightNoAuth,
});
export const urlSam = stack('lambda-url-sam', { allow: samAllow, errors: samAllow });
export const urlCdk = stack('lambda-url-cdk', { allow: cdkAllow, errors: cdkAllow });
export const urlTerraform = stack('lambda-url-terraform', { allow: terraformAllow, errors: terraformAllow });
