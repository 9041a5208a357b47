/** A copy button that says "Copied" (or why not) for a moment, politely announced. */
import { useContext, useEffect, useState } from 'preact/hooks';
import { ServicesContext } from '../services';
import { TID } from '../testids';
import { CopyIcon } from './icons';

export function CopyButton({ text, label = 'Copy', title, testId = TID.copyButton }: { text: () => string; label?: string; title?: string; testId?: string }) {
  const { copyText } = useContext(ServicesContext);
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return undefined;
    const t = setTimeout(() => setState('idle'), 1600);
    return () => clearTimeout(t);
  }, [state]);
  return (
    <button type="button" class={`cl-button is-small cl-copy is-${state}`} title={title ?? label} data-testid={testId}
      onClick={async () => setState((await copyText(text())) ? 'copied' : 'failed')}>
      <CopyIcon size={12} />
      <span aria-live="polite">{state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : label}</span>
    </button>
  );
}
