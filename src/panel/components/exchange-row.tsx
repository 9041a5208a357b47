import { memo } from '../lib/memo';
import type { RowModel } from '../state/row-model';
import { TID } from '../testids';
import { StatusIcon } from './icons';
import { PlatformBadge } from './platform-badge';

export const ROW_HEIGHT = 22;

/** DOM id of a row, for aria-activedescendant (exchange ids are foreign text: keep only safe characters). */
export function rowDomId(id: string): string {
  return `cl-row-${id.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`)}`;
}

interface RowProps {
  row: RowModel;
  index: number;
  selected: boolean;
  onSelect: (id: string) => void;
  onActivate: (id: string) => void;
}

export const ExchangeRow = memo(function ExchangeRow({ row, index, selected, onSelect, onActivate }: RowProps) {
  return (
    <div role="row" id={rowDomId(row.id)} aria-rowindex={index + 2} aria-selected={selected}
      class={`cl-row is-${row.status} ${index % 2 ? 'is-odd' : ''} ${selected ? 'is-selected' : ''}`}
      style={{ top: `${index * ROW_HEIGHT}px` }}
      data-testid={TID.row} data-exchange-id={row.id} data-blocked={String(row.blocked)} data-cors-error={row.corsError ?? ''}
      data-status={row.status}
      onMouseDown={() => onSelect(row.id)} onClick={() => onSelect(row.id)} onDblClick={() => onActivate(row.id)}>
      <div role="gridcell" class="cl-cell c-status" data-testid={TID.rowStatus}><StatusIcon status={row.status} /></div>
      <div role="gridcell" class="cl-cell c-method" data-testid={TID.rowMethod}>{row.method}</div>
      <div role="gridcell" class="cl-cell c-name" data-testid={TID.rowUrl} title={row.url}>
        <span class="cl-path">{row.path}</span>
        {row.host ? <span class="cl-host">{row.host}</span> : null}
      </div>
      <div role="gridcell" class="cl-cell c-origin" data-testid={TID.rowPageOrigin} title={row.pageOrigin}>{row.pageOrigin}</div>
      <div role="gridcell" class="cl-cell c-platform"><PlatformBadge platform={row.platform} cdn={row.cdn} /></div>
      <div role="gridcell" class="cl-cell c-codes" data-testid={TID.rowCodes}
        title={row.codes.includes('→') ? 'Preflight status → actual request status' : 'Response status'}>{row.codes}</div>
      <div role="gridcell" class="cl-cell c-reason" data-testid={TID.rowReason} title={row.summary}>{row.summary}</div>
    </div>
  );
});

export function ListHeader() {
  return (
    <div role="row" class="cl-row cl-header-row" aria-rowindex={1}>
      <div role="columnheader" class="cl-cell c-status"><span class="cl-sr-only">Status</span></div>
      <div role="columnheader" class="cl-cell c-method">Method</div>
      <div role="columnheader" class="cl-cell c-name">Name</div>
      <div role="columnheader" class="cl-cell c-origin">Page origin</div>
      <div role="columnheader" class="cl-cell c-platform">Platform</div>
      <div role="columnheader" class="cl-cell c-codes" title="Preflight status → actual request status">Status</div>
      <div role="columnheader" class="cl-cell c-reason">Reason</div>
    </div>
  );
}
