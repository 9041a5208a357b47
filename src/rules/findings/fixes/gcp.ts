/** Fix stacks for Google Cloud API Gateway / Cloud Endpoints (ESPv2) and Cloud Run. */
import type { Fix } from '../../../model';
import type { CorsSpec } from '../spec';
import { toYaml } from './emit';
import { plain, shStr } from './quote';
import { stack } from './types';

function allowCors(s: CorsSpec): Fix {
  return {
    stack: 'openapi',
    title: 'API Gateway / Endpoints: pass OPTIONS through to the backend (allowCors)',
    language: 'yaml',
    snippet: toYaml({
      swagger: '2.0',
      'x-google-endpoints': [{ name: s.api.host ?? 'YOUR_API_HOST', allowCors: true }],
    }, [
      'With allowCors the gateway forwards preflights to your backend, which must answer them with the CORS headers.',
      'Documented for Cloud Endpoints; the same extension is reported to work on API Gateway (not verified here).',
    ]),
  };
}

function cloudRunNoAuth(): Fix[] {
  return [
    {
      stack: 'console',
      title: 'Cloud Run: the preflight cannot carry an identity token',
      language: 'text',
      snippet: plain([
        'With "Require authentication" (IAM), Cloud Run rejects the OPTIONS preflight before your code runs, because browsers never',
        'send Authorization on a preflight. Options: allow unauthenticated invocations and check the token in your app',
        '(your app then answers OPTIONS with the CORS headers), or put API Gateway / a load balancer in front that handles CORS.',
      ].join('\n')),
    },
    {
      stack: 'shell',
      title: 'Cloud Run: allow unauthenticated invocations (then authenticate in the app)',
      language: 'shell',
      snippet: `gcloud run services add-iam-policy-binding YOUR_SERVICE --region=YOUR_REGION --member=${shStr('allUsers')} --role=${shStr('roles/run.invoker')}`,
    },
  ];
}

export const gcpOpenApi = stack('gcp-openapi', { allow: allowCors, 'preflight-no-auth': allowCors });
export const cloudRunStack = stack('gcp-cloud-run', { 'preflight-no-auth': cloudRunNoAuth });
