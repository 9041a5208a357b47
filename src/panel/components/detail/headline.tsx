import type { Diagnosis, Exchange } from '../../../model';
import type { RowStatus } from '../../state/row-model';
import { TID } from '../../testids';
import { StatusIcon } from '../icons';
import { PlatformBadge } from '../platform-badge';

export function Headline({ exchange, diagnosis, status }: { exchange: Exchange; diagnosis: Diagnosis; status: RowStatus }) {
  const v = diagnosis.verdict;
  const creds = v.credentials;
  return (
    <div class={`cl-headline is-${status}`}>
      <StatusIcon status={status} size={18} />
      <div class="cl-headline-body">
        <h2 class="cl-headline-text" data-testid={TID.headline}>{diagnosis.headline}</h2>
        <div class="cl-headline-meta">
          <span class={`cl-code-chip ${v.corsError ? 'is-error' : 'is-ok'}`} data-testid={TID.corsError} data-cors-error={v.corsError ?? ''}
            title="Chromium's name for this outcome (network::mojom::CorsError, as in DevTools and CDP)">
            {v.corsError ?? (v.crossOrigin ? 'No CORS error' : 'CORS not applied')}
          </span>
          {v.failedParameter !== null && v.failedParameter !== '' ? (
            <span class="cl-meta-item" data-testid={TID.failedParameter}>
              failed parameter <code class="cl-code">{v.failedParameter}</code>
            </span>
          ) : null}
          <PlatformBadge platform={diagnosis.platform} long />
          {/* The CDN in front gets its own badge, so both are visible (and testable) by id. */}
          {diagnosis.cdn && diagnosis.cdn.id !== diagnosis.platform.id ? (
            <span class="cl-meta-item">via <PlatformBadge platform={diagnosis.cdn} long /></span>
          ) : null}
          <span class="cl-meta-item" title={creds.inferred ? 'The credentials mode was not recorded; it was inferred from what happened' : 'Recorded credentials mode'}>
            credentials: {creds.mode}{creds.inferred ? ' (inferred)' : ''}
          </span>
          {exchange.source !== 'live' ? <span class="cl-meta-item">source: {exchange.source}</span> : null}
        </div>
        {v.alternatives?.map((a, i) => (
          <p class="cl-inline-warning" key={i} data-testid={TID.verdictAlternative} data-cors-error={a.corsError ?? ''}>
            Could also be {a.blocked ? <>blocked with <code class="cl-code">{a.corsError}</code></> : 'not a CORS block'}, if {a.condition}:
            the capture does not record that.
          </p>
        ))}
        {v.inconsistent ? (
          <p class="cl-inline-warning">
            The browser’s recorded outcome does not match what these headers should produce. A cache, an extension or a
            service worker may have changed the request; check the raw headers below.
          </p>
        ) : null}
      </div>
    </div>
  );
}
