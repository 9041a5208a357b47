/**
 * "How to fix", one tab per stack (console, SAM, CDK, Terraform, handler code…). The chosen stack is
 * remembered: a user who picks Terraform once sees Terraform first on every request.
 */
import { useContext, useRef, useState } from 'preact/hooks';
import type { Finding, Fix } from '../../../model';
import { ServicesContext } from '../../services';
import { TID } from '../../testids';
import { CopyButton } from '../copy-button';

const STACK_LABEL: Record<string, string> = {
  console: 'Console', openapi: 'OpenAPI', sam: 'SAM', cdk: 'CDK', serverless: 'Serverless', terraform: 'Terraform',
  cloudformation: 'CloudFormation', node: 'Node.js', python: 'Python', express: 'Express', nginx: 'nginx',
  fastify: 'Fastify', koa: 'Koa', fastapi: 'FastAPI', flask: 'Flask', django: 'Django', caddy: 'Caddy', rack: 'Rack / Rails', php: 'PHP', tomcat: 'Tomcat', jetty: 'Jetty', s3: 'S3 CORS', cloudfront: 'CloudFront', curl: 'curl', spring: 'Spring', azure: 'Azure', gcp: 'Google Cloud',
  headers: 'Headers', shell: 'Shell', java: 'Java', go: 'Go', dotnet: '.NET', apache: 'Apache', iis: 'IIS',
};

export function stackLabel(stack: string): string {
  return STACK_LABEL[stack] ?? (stack ? stack[0]!.toUpperCase() + stack.slice(1) : stack);
}

interface StackFix { fix: Fix; finding: Finding }

export function fixesByStack(findings: readonly Finding[]): Map<string, StackFix[]> {
  const m = new Map<string, StackFix[]>();
  for (const finding of findings) {
    for (const fix of finding.fixes) {
      const list = m.get(fix.stack) ?? [];
      list.push({ fix, finding });
      m.set(fix.stack, list);
    }
  }
  return m;
}

export function FixTabs({ findings, idBase }: { findings: readonly Finding[]; idBase: string }) {
  const { prefs } = useContext(ServicesContext);
  const groups = fixesByStack(findings);
  const stacks = [...groups.keys()];
  const [chosen, setChosen] = useState(() => prefs.get('fixStack'));
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);
  if (!stacks.length) return <p class="cl-muted" data-testid={TID.fixes}>No fix to suggest for this request.</p>;
  const active = chosen !== null && stacks.includes(chosen) ? chosen : stacks[0]!;

  const choose = (stack: string, focus: boolean) => {
    setChosen(stack);
    prefs.set('fixStack', stack);
    if (focus) tabRefs.current[stacks.indexOf(stack)]?.focus();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const at = stacks.indexOf(active);
    let next: number | null = null;
    if (e.key === 'ArrowRight') next = (at + 1) % stacks.length;
    else if (e.key === 'ArrowLeft') next = (at - 1 + stacks.length) % stacks.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = stacks.length - 1;
    if (next === null) return;
    e.preventDefault();
    choose(stacks[next]!, true);
  };

  const tabId = (s: string) => `${idBase}-tab-${stacks.indexOf(s)}`;
  const panelId = `${idBase}-panel`;
  const items = groups.get(active) ?? [];
  const multipleFindings = new Set(items.map((i) => i.finding)).size > 1;

  return (
    <div class="cl-fixes" data-testid={TID.fixes}>
      <div class="cl-tabs is-small" role="tablist" aria-label="Fix for your stack" onKeyDown={onKeyDown}>
        {stacks.map((s, i) => (
          <button type="button" role="tab" key={s} id={tabId(s)} ref={(el) => { tabRefs.current[i] = el; }}
            class="cl-tab" aria-selected={s === active} aria-controls={panelId} tabIndex={s === active ? 0 : -1}
            data-testid={TID.fixTab} data-stack={s} onClick={() => choose(s, false)}>
            {stackLabel(s)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={panelId} aria-labelledby={tabId(active)} class="cl-fix-panel" data-testid={TID.fixPanel} data-stack={active}>
        {items.map(({ fix, finding }, i) => (
          <div class="cl-fix" key={i}>
            <div class="cl-fix-head">
              <div class="cl-fix-heading">
                <span class="cl-fix-title">{fix.title}</span>
                {multipleFindings ? <span class="cl-fix-for">for: {finding.title}</span> : null}
              </div>
              <span class="cl-fix-lang">{fix.language}</span>
              <CopyButton text={() => fix.snippet} title={`Copy this ${fix.language} snippet`} />
            </div>
            {fix.note ? <p class="cl-fix-note cl-muted">{fix.note}</p> : null}
            <pre class="cl-snippet" data-testid={TID.fixSnippet} data-language={fix.language}><code>{fix.snippet}</code></pre>
          </div>
        ))}
      </div>
    </div>
  );
}
