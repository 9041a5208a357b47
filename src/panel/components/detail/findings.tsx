/** Findings from the rules and platform knowledge, grouped by kind, most important kind first. */
import type { Finding, FindingKind, Severity } from '../../../model';
import { TID } from '../../testids';
import { InfoIcon, StatusIcon } from '../icons';

const KIND_ORDER: FindingKind[] = ['cause', 'deploy', 'platform', 'cache', 'security', 'info'];
const KIND_LABEL: Record<FindingKind, string> = {
  cause: 'Root cause',
  platform: 'Platform',
  cache: 'Caching',
  deploy: 'Deployment',
  security: 'Security',
  info: 'Notes',
};
const SEVERITY_WORD: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Info' };

function SeverityIcon({ severity }: { severity: Severity }) {
  if (severity === 'error') return <StatusIcon status="blocked" size={14} labelled={false} />;
  if (severity === 'warning') return <StatusIcon status="warning" size={14} labelled={false} />;
  return <InfoIcon size={14} />;
}

function FindingItem({ finding }: { finding: Finding }) {
  return (
    <article class={`cl-finding is-${finding.severity}`} data-testid={TID.finding} data-finding-id={finding.id}
      data-kind={finding.kind} data-severity={finding.severity}>
      <div class="cl-finding-head">
        <SeverityIcon severity={finding.severity} />
        <span class="cl-sr-only">{SEVERITY_WORD[finding.severity]}:</span>
        <h4 class="cl-finding-title">{finding.title}</h4>
      </div>
      <p class="cl-finding-text">{finding.explanation}</p>
      {finding.evidence.length ? (
        <ul class="cl-evidence" aria-label="Evidence">
          {finding.evidence.map((e, i) => <li key={i}><code class="cl-code">{e}</code></li>)}
        </ul>
      ) : null}
    </article>
  );
}

export function Findings({ findings }: { findings: readonly Finding[] }) {
  if (!findings.length) return <p class="cl-muted" data-testid={TID.findings}>Nothing else to report for this request.</p>;
  const kinds = [...KIND_ORDER, ...findings.map((f) => f.kind).filter((k) => !KIND_ORDER.includes(k))];
  return (
    <div class="cl-findings" data-testid={TID.findings}>
      {kinds.map((kind) => {
        const group = findings.filter((f) => f.kind === kind);
        if (!group.length) return null;
        return (
          <div class="cl-finding-group" key={kind}>
            <h3 class="cl-group-title">{KIND_LABEL[kind] ?? kind}</h3>
            {group.map((f, i) => <FindingItem key={`${f.id}-${i}`} finding={f} />)}
          </div>
        );
      })}
    </div>
  );
}
