/** Fix stack for Azure API Management: the `cors` policy in the inbound section. */
import type { Fix } from '../../../model';
import type { CorsSpec } from '../spec';
import { xmlText } from './quote';
import { stack } from './types';

function policy(s: CorsSpec): Fix {
  const lines = [
    '<policies>',
    '  <inbound>',
    '    <!-- First in inbound, at the API or All APIs scope, so preflights are answered before other policies. -->',
    `    <cors allow-credentials="${s.credentials ? 'true' : 'false'}" terminate-unmatched-request="false">`,
    '      <allowed-origins>',
    ...s.origins.map((o) => `        <origin>${xmlText(o)}</origin>`),
    '      </allowed-origins>',
    `      <allowed-methods preflight-result-max-age="${s.maxAge}">`,
    ...[...s.methods, 'OPTIONS'].map((m) => `        <method>${xmlText(m)}</method>`),
    '      </allowed-methods>',
    '      <allowed-headers>',
    ...(s.headers.length > 0 ? s.headers : ['Content-Type']).map((h) => `        <header>${xmlText(h)}</header>`),
    '      </allowed-headers>',
    '    </cors>',
    '    <base />',
    '  </inbound>',
    '  <backend>',
    '    <base />',
    '  </backend>',
    '  <outbound>',
    '    <base />',
    '  </outbound>',
    '  <on-error>',
    '    <base />',
    '  </on-error>',
    '</policies>',
  ];
  return { stack: 'apim', title: 'API Management: cors policy', language: 'xml', snippet: lines.join('\n') };
}

export const apimStack = stack('azure-apim', { allow: policy, 'preflight-no-auth': policy, errors: policy });
