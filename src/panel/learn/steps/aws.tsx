/** Step 9: where CORS lives on API Gateway (REST and HTTP APIs), Lambda proxy integrations and function URLs. */
import { presetById } from '../simulator/presets';
import { toExchange } from '../simulator/state';
import { Code } from '../ui';
import { variant } from './build';
import type { LearnStep } from './types';

const AWS = 'https://docs.aws.amazon.com';

/** The simulator's platform presets, as exchanges: the same wire answers in both places. */
const fromPreset = (id: string) => () => {
  const p = presetById(id);
  if (!p) throw new Error(`no simulator preset ${id}`);
  return toExchange(p.state);
};

export const awsStep: LearnStep = {
  id: 'aws',
  title: 'API Gateway and Lambda',
  short: 'API Gateway & Lambda',
  Body: () => (
    <>
      <h3 class="cl-learn-subtitle">API Gateway REST APIs</h3>
      <ul>
        <li>
          <strong>Enable CORS</strong> (console) adds an <Code>OPTIONS</Code> method with a mock integration that returns
          the Allow-* headers, and maps <Code>Access-Control-Allow-Origin</Code> onto the 200 response of the methods you
          tick — for non-proxy integrations. It is not recursive: child resources need their own.
        </li>
        <li>
          Nothing changes until you <strong>Deploy API</strong> to the stage. Symptom: the console’s Test works, the live
          URL still fails.
        </li>
        <li>
          Answers API Gateway makes itself — 403 “Missing Authentication Token” for a path or method that does not exist,
          401/403 from authorizers and API keys, 429 throttling, 5xx — carry no CORS headers unless you add them to the{' '}
          <strong>gateway responses</strong> (<Code>DEFAULT_4XX</Code>, <Code>DEFAULT_5XX</Code>).
        </li>
      </ul>
      <h3 class="cl-learn-subtitle">Lambda proxy integrations</h3>
      <p>
        With a proxy integration API Gateway passes your function’s response through untouched: the function must return{' '}
        <Code>Access-Control-Allow-Origin</Code> in its <Code>headers</Code> — on every path, errors included. Enable CORS
        only takes care of the preflight.
      </p>
      <h3 class="cl-learn-subtitle">HTTP APIs</h3>
      <p>
        Configure CORS on the API (allowOrigins, allowMethods, allowHeaders, allowCredentials, maxAge): API Gateway then
        answers preflights itself and adds the headers to every response, ignoring CORS headers from your integration. A{' '}
        <Code>$default</Code> or <Code>ANY</Code> route with an authorizer can still catch <Code>OPTIONS</Code>; give
        OPTIONS a route without authorization.
      </p>
      <h3 class="cl-learn-subtitle">Lambda function URLs</h3>
      <p>
        A function URL has its own CORS settings. Use them <em>or</em> headers in your code, not both: both together send
        Access-Control-Allow-Origin twice.
      </p>
    </>
  ),
  variants: [
    variant('aws', 'rest-enable-cors', 'REST + Enable CORS', 'Enable CORS on the resource, non-proxy integration, deployed.', fromPreset('apigw-rest-enable-cors')),
    variant('aws', 'rest-lambda-proxy', 'REST + Lambda proxy', 'Enable CORS answers the preflight; the Lambda proxy handler returns no headers.', fromPreset('lambda-proxy-no-headers')),
    variant('aws', 'rest-not-deployed', 'OPTIONS not deployed', 'The stage has no OPTIONS method for this resource.', fromPreset('apigw-rest-options-missing')),
    variant('aws', 'http-api', 'HTTP API CORS', 'An HTTP API with a CORS configuration that lists the origin, methods and headers.', fromPreset('apigw-http-cors')),
    variant('aws', 'function-url', 'Function URL + code', 'Function URL CORS is on and the handler sets the header too.', fromPreset('lambda-url-cors-and-code')),
  ],
  links: [
    { label: 'AWS: CORS for REST APIs', href: `${AWS}/apigateway/latest/developerguide/how-to-cors.html` },
    { label: 'AWS: Enable CORS in the console', href: `${AWS}/apigateway/latest/developerguide/how-to-cors-console.html` },
    { label: 'AWS: Gateway responses', href: `${AWS}/apigateway/latest/developerguide/api-gateway-gatewayResponse-definition.html` },
    { label: 'AWS: Lambda proxy integrations', href: `${AWS}/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html` },
    { label: 'AWS: CORS for HTTP APIs', href: `${AWS}/apigateway/latest/developerguide/http-api-cors.html` },
    { label: 'AWS: Lambda function URLs', href: `${AWS}/lambda/latest/dg/urls-configuration.html` },
  ],
};
