import type { Exchange } from '../../model';
import type { DataSource, SourceListener } from './source';

/**
 * A fixed list of exchanges (unit tests, the preview page, an imported HAR). `push` streams more in,
 * the way the live capture does, so tests can exercise streaming without a port.
 */
export class StaticSource implements DataSource {
  readonly kind = 'static' as const;
  private exchanges: Exchange[];
  private readonly listeners = new Set<SourceListener>();
  private dropped = 0;

  constructor(exchanges: readonly Exchange[] = [], readonly label = 'Static list') {
    this.exchanges = [...exchanges];
  }

  subscribe(listener: SourceListener): () => void {
    this.listeners.add(listener);
    listener({ type: 'status', status: 'static' });
    listener({ type: 'snapshot', exchanges: [...this.exchanges], dropped: this.dropped });
    return () => { this.listeners.delete(listener); };
  }

  /** Add or replace exchanges (same id replaces), as an `upsert`. */
  push(exchanges: readonly Exchange[], dropped = this.dropped): void {
    this.dropped = dropped;
    const byId = new Map(this.exchanges.map((e, i) => [e.id, i] as const));
    for (const e of exchanges) {
      const at = byId.get(e.id);
      if (at === undefined) { byId.set(e.id, this.exchanges.length); this.exchanges.push(e); } else this.exchanges[at] = e;
    }
    this.emit({ type: 'upsert', exchanges: [...exchanges], dropped });
  }

  clear(): void {
    this.exchanges = [];
    this.emit({ type: 'cleared', reason: 'user' });
  }

  /** Nothing to preserve: a static list never navigates. */
  setPreserveLog(_value: boolean): void {}

  private emit(event: Parameters<SourceListener>[0]): void {
    for (const l of [...this.listeners]) l(event);
  }
}
