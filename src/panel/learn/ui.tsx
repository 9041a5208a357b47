/** Small presentational pieces shared by the walk-through, the simulator and the explanations. */
import type { ComponentChildren } from 'preact';
import type { Diagnosis, Exchange } from '../../model';
import { StatusIcon } from '../components/icons';
import { PlatformBadge } from '../components/platform-badge';

/** An external documentation link: a new tab, no opener (the panel's window is DevTools'). */
export function ExtLink({ href, children, testId }: { href: string; children: ComponentChildren; testId?: string }) {
  return <a href={href} target="_blank" rel="noopener noreferrer" data-testid={testId}>{children}</a>;
}

export function Code({ children }: { children: ComponentChildren }) {
  return <code class="cl-code cl-inline-code">{children}</code>;
}

export type VerdictKind = 'blocked' | 'allowed' | 'not-cors' | 'undecided';

/**
 * How to present a computed verdict. "undecided": no actual answer to judge (the rules then follow
 * an observed outcome, and a simulation has none).
 */
export function verdictKind(exchange: Exchange, diagnosis: Diagnosis): VerdictKind {
  const v = diagnosis.verdict;
  if (!v.crossOrigin) return 'not-cors';
  if (v.blocked) return 'blocked';
  return exchange.response || exchange.redirects.length ? 'allowed' : 'undecided';
}

const KIND_WORD: Record<VerdictKind, string> = {
  blocked: 'Blocked',
  allowed: 'Allowed',
  'not-cors': 'Not cross-origin: CORS does not apply',
  undecided: 'Not decided yet: there is no actual answer to check',
};

const KIND_ICON = { blocked: 'blocked', allowed: 'allowed', 'not-cors': 'same-origin', undecided: 'pending' } as const;

/** The computed verdict: Blocked/Allowed, Chromium's CorsError and failed parameter, the rules' headline. */
export function VerdictBanner({ exchange, diagnosis, testId, platform = false }: {
  exchange: Exchange;
  diagnosis: Diagnosis;
  testId: string;
  platform?: boolean;
}) {
  const v = diagnosis.verdict;
  const kind = verdictKind(exchange, diagnosis);
  return (
    <div class={`cl-verdict is-${kind}`} data-testid={testId} data-verdict={kind} data-blocked={String(v.blocked)}
      data-cors-error={v.corsError ?? ''} role="status">
      <StatusIcon status={KIND_ICON[kind]} size={16} labelled={false} />
      <div class="cl-verdict-body">
        <div class="cl-verdict-line">
          <strong class="cl-verdict-word">{KIND_WORD[kind]}</strong>
          {v.corsError ? <span class="cl-code-chip is-error" title="Chromium's name for this failure (CDP Network.CorsError)">{v.corsError}</span> : null}
          {v.failedParameter ? <span class="cl-meta-item">failed parameter <code class="cl-code">{v.failedParameter}</code></span> : null}
          {platform ? <PlatformBadge platform={diagnosis.platform} cdn={diagnosis.cdn} long /> : null}
        </div>
        {kind === 'undecided' ? null : <p class="cl-verdict-headline">{diagnosis.headline}</p>}
      </div>
    </div>
  );
}
