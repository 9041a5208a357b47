/** Export menu button: Markdown / HTML / JSON / HAR, for the selected request or all listed ones. */
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import { EXPORT_FORMATS, FORMAT_LABELS, type ExportFormat, type ExportScope } from '../data/export';
import { ServicesContext, UiContext } from '../services';
import { useStore } from '../state/use-store';
import { TID } from '../testids';
import { DropdownIcon, ExportIcon } from './icons';

export function ExportMenu() {
  const store = useStore();
  const services = useContext(ServicesContext);
  const ui = useContext(UiContext);
  const [open, setOpen] = useState(false);
  // Redaction is the default; keeping secrets is a per-export choice, never remembered.
  const [sensitive, setSensitive] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const selected = store.selected;
  const listed = store.visibleIds().length;
  // While a filter is still being completed in the background more rows may match: export takes them all.
  const more = store.filterPending ? '+' : '';

  useEffect(() => {
    if (!open) return undefined;
    menu.current?.querySelector<HTMLButtonElement>('[role=menuitem]:not([disabled])')?.focus();
    const onDown = (e: MouseEvent) => {
      const t = e.target as Node;
      if (!menu.current?.contains(t) && !button.current?.contains(t)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  const run = (format: ExportFormat, scope: ExportScope) => {
    close(true);
    const exchanges = scope === 'one'
      ? (selected ? [selected] : [])
      : store.completeVisibleIds().map((id) => store.exchange(id)).filter((e) => e !== undefined);
    if (exchanges.length === 0) return;
    try {
      const src = store.source;
      const source = src?.kind === 'static'
        ? { kind: exchanges[0]?.source ?? 'har', name: src.label }
        : { kind: 'live' as const, ...(exchanges[0]?.pageUrl ? { pageUrl: exchanges[0].pageUrl } : {}) };
      const file = services.buildExport({ format, scope, source, includeSensitive: sensitive, items: exchanges.map((exchange) => ({ exchange, diagnosis: store.diagnosis(exchange) })) });
      services.download(file);
      ui.notify(sensitive ? `Saved ${file.fileName} WITH sensitive values: do not share it publicly` : `Saved ${file.fileName} (secrets redacted)`);
      setSensitive(false);
    } catch (err) {
      ui.notify(err instanceof Error ? err.message : String(err), 'error');
    }
  };

  const onMenuKey = (e: KeyboardEvent) => {
    const items = [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role=menuitem]:not([disabled])') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    const move = (i: number) => { e.preventDefault(); items[(i + items.length) % items.length]?.focus(); };
    if (e.key === 'ArrowDown') move(at + 1);
    else if (e.key === 'ArrowUp') move(at - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(items.length - 1);
    else if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); close(true); }
    else if (e.key === 'Tab') close(false);
  };

  const group = (scope: ExportScope, heading: string, enabled: boolean) => (
    <div role="group" aria-label={heading}>
      <div class="cl-menu-heading" aria-hidden="true">{heading}</div>
      {EXPORT_FORMATS.map((f) => (
        <button type="button" role="menuitem" key={`${scope}-${f}`} class="cl-menu-item" disabled={!enabled}
          data-testid={TID.exportItem} data-format={f} data-scope={scope} onClick={() => run(f, scope)}>
          {FORMAT_LABELS[f]}
        </button>
      ))}
    </div>
  );

  return (
    <div class="cl-menu-anchor">
      <button ref={button} type="button" class="cl-icon-button has-label" aria-haspopup="menu" aria-expanded={open}
        title="Export a report" data-testid={TID.exportButton}
        onClick={() => setOpen(!open)}
        onKeyDown={(e) => { if (e.key === 'ArrowDown') { e.preventDefault(); setOpen(true); } }}>
        <ExportIcon /><span>Export</span><DropdownIcon size={12} />
      </button>
      {open ? (
        <div ref={menu} class="cl-menu" role="menu" aria-label="Export" data-testid={TID.exportMenu} onKeyDown={onMenuKey}>
          {group('one', 'Selected request', selected !== undefined)}
          <div class="cl-menu-separator" role="separator" />
          {group('all', `All listed requests (${listed}${more})`, listed > 0)}
          <div class="cl-menu-separator" role="separator" />
          <label class="cl-menu-check" title="Authorization, cookies, API keys, tokens in URLs and bodies are redacted unless this is checked">
            <input type="checkbox" data-testid={TID.exportSensitive} checked={sensitive}
              onChange={(e) => setSensitive((e.currentTarget as HTMLInputElement).checked)} />
            Include sensitive values
          </label>
          {sensitive ? <div class="cl-menu-warning" role="alert" data-testid={TID.exportSensitiveWarning}>The file will contain credentials and tokens. Share it only with people who may see them.</div> : null}
        </div>
      ) : null}
    </div>
  );
}
