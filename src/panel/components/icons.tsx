/** Inline SVG icons in the DevTools style (16–20px, currentColor). Decorative unless given a label. */
import type { JSX } from 'preact';
import type { RowStatus } from '../state/row-model';

interface IconProps {
  size?: number;
  label?: string;
  class?: string;
}

function Svg({ size = 16, label, class: cls, children }: IconProps & { children: JSX.Element | JSX.Element[] }) {
  return (
    <svg class={`cl-icon ${cls ?? ''}`} width={size} height={size} viewBox="0 0 16 16" fill="none"
      role={label ? 'img' : undefined} aria-label={label} aria-hidden={label ? undefined : 'true'} focusable="false">
      {children}
    </svg>
  );
}

export const ClearIcon = (p: IconProps) => (
  <Svg {...p}><circle cx="8" cy="8" r="5.75" stroke="currentColor" stroke-width="1.5" /><path d="M4 12 12 4" stroke="currentColor" stroke-width="1.5" /></Svg>
);

export const ImportIcon = (p: IconProps) => (
  <Svg {...p}><path d="M8 11V3M4.75 6.25 8 3l3.25 3.25M3 13h10" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round" /></Svg>
);

export const ExportIcon = (p: IconProps) => (
  <Svg {...p}><path d="M8 3v8M4.75 7.75 8 11l3.25-3.25M3 13h10" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round" /></Svg>
);

export const FilterIcon = (p: IconProps) => (
  <Svg {...p}><path d="M2.5 3.5h11L9.25 8.5v4l-2.5 1.25V8.5z" stroke="currentColor" stroke-width="1.25" stroke-linejoin="round" /></Svg>
);

export const CloseIcon = (p: IconProps) => (
  <Svg {...p}><path d="m4.5 4.5 7 7m0-7-7 7" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" /></Svg>
);

export const CopyIcon = (p: IconProps) => (
  <Svg {...p}><rect x="5.5" y="5.5" width="8" height="8" rx="1.5" stroke="currentColor" stroke-width="1.25" /><path d="M10.5 3.5V3A1.5 1.5 0 0 0 9 1.5H4A1.5 1.5 0 0 0 2.5 3v5A1.5 1.5 0 0 0 4 9.5h.5" stroke="currentColor" stroke-width="1.25" /></Svg>
);

export const ChevronIcon = (p: IconProps & { open: boolean }) => (
  <Svg {...p} class={`cl-chevron ${p.open ? 'is-open' : ''}`}><path d="M6 4.5 9.5 8 6 11.5z" fill="currentColor" /></Svg>
);

export const DropdownIcon = (p: IconProps) => (
  <Svg {...p}><path d="M4.5 6.5h7L8 10z" fill="currentColor" /></Svg>
);

export const LearnIcon = (p: IconProps) => (
  <Svg {...p}><path d="M8 3 1.5 6 8 9l6.5-3zM4 7.25V10.5c0 .9 1.8 2 4 2s4-1.1 4-2V7.25M14.5 6v3.5" stroke="currentColor" stroke-width="1.25" stroke-linejoin="round" /></Svg>
);

export const ReloadIcon = (p: IconProps) => (
  <Svg {...p}><path d="M13 8a5 5 0 1 1-1.46-3.54M13 2.5V5h-2.5" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round" /></Svg>
);

const STATUS_LABEL: Record<RowStatus, string> = {
  blocked: 'Blocked',
  allowed: 'Allowed',
  warning: 'Allowed, with a warning',
  pending: 'In progress',
  'same-origin': 'Not a CORS request',
};

export function statusLabel(status: RowStatus): string {
  return STATUS_LABEL[status];
}

/** The row/headline status glyph: red ✕, green ✓, amber !, grey ring (pending), grey dash (not CORS). */
export function StatusIcon({ status, size = 14, labelled = true }: { status: RowStatus; size?: number; labelled?: boolean }) {
  const label = labelled ? STATUS_LABEL[status] : undefined;
  const cls = `cl-status-icon is-${status}`;
  switch (status) {
    case 'blocked':
      return <Svg size={size} label={label} class={cls}><circle cx="8" cy="8" r="7" fill="currentColor" /><path d="m5.5 5.5 5 5m0-5-5 5" stroke="var(--cl-on-status)" stroke-width="1.6" stroke-linecap="round" /></Svg>;
    case 'allowed':
      return <Svg size={size} label={label} class={cls}><circle cx="8" cy="8" r="7" fill="currentColor" /><path d="m4.75 8.25 2.25 2.25 4.25-4.5" stroke="var(--cl-on-status)" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round" /></Svg>;
    case 'warning':
      return <Svg size={size} label={label} class={cls}><path d="M8 1.25 15.25 14H.75z" fill="currentColor" stroke="currentColor" stroke-width="1" stroke-linejoin="round" /><path d="M8 6v3.75" stroke="var(--cl-on-warning)" stroke-width="1.6" stroke-linecap="round" /><circle cx="8" cy="11.9" r=".9" fill="var(--cl-on-warning)" /></Svg>;
    case 'pending':
      return <Svg size={size} label={label} class={cls}><circle cx="8" cy="8" r="5.5" stroke="currentColor" stroke-width="1.5" stroke-dasharray="3 2" /></Svg>;
    case 'same-origin':
      return <Svg size={size} label={label} class={cls}><path d="M4.5 8h7" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" /></Svg>;
  }
}

export const InfoIcon = (p: IconProps) => (
  <Svg {...p} class={`cl-status-icon is-info ${p.class ?? ''}`}><circle cx="8" cy="8" r="7" fill="currentColor" /><path d="M8 7.25v4" stroke="var(--cl-on-status)" stroke-width="1.6" stroke-linecap="round" /><circle cx="8" cy="4.9" r=".95" fill="var(--cl-on-status)" /></Svg>
);

/** ✓ / ✕ / – for one check, with its word for screen readers. */
export function ResultIcon({ result }: { result: 'pass' | 'fail' | 'skip' }) {
  if (result === 'pass') return <StatusIcon status="allowed" size={12} labelled={false} />;
  if (result === 'fail') return <StatusIcon status="blocked" size={12} labelled={false} />;
  return <StatusIcon status="same-origin" size={12} labelled={false} />;
}
