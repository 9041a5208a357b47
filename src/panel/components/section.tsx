/** A collapsible section like the Headers tab's ("▼ General"); open/closed is remembered. */
import type { ComponentChildren } from 'preact';
import { useContext, useState } from 'preact/hooks';
import { ServicesContext } from '../services';
import { ChevronIcon } from './icons';

export function Section({ id, title, aside, children, testId }: {
  id: string;
  title: string;
  aside?: ComponentChildren;
  children: ComponentChildren;
  testId?: string;
}) {
  const { prefs } = useContext(ServicesContext);
  const [open, setOpen] = useState(() => prefs.get(`section.${id}`) !== 'closed');
  const bodyId = `cl-section-${id}`;
  return (
    <section class={`cl-section ${open ? 'is-open' : ''}`} data-testid={testId} aria-labelledby={`${bodyId}-h`}>
      <div class="cl-section-header">
        <button type="button" id={`${bodyId}-h`} class="cl-section-toggle" aria-expanded={open} aria-controls={bodyId}
          onClick={() => { setOpen(!open); prefs.set(`section.${id}`, open ? 'closed' : 'open'); }}>
          <ChevronIcon open={open} size={12} />
          <span class="cl-section-title">{title}</span>
        </button>
        {aside ? <div class="cl-section-aside">{aside}</div> : null}
      </div>
      {open ? <div id={bodyId} class="cl-section-body">{children}</div> : null}
    </section>
  );
}
