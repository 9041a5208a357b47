/**
 * The live capture: a long-lived port to the background worker, scoped to the inspected tab.
 *
 * The MV3 worker is stopped whenever Chrome likes (idle ~30 s, update, crash); its ports then
 * disconnect. We reconnect at once (connecting wakes the worker), back off if that keeps failing,
 * and take the fresh snapshot the worker sends on connect. The store keeps the selection across it.
 */
import { isToPanel, portName, type ToPanel, type ToWorker } from '../../messaging/protocol';
import type { CredentialsMode, Exchange } from '../../model';
import type { ConnectionStatus, DataSource, SourceEvent, SourceListener } from './source';

/** The part of chrome.runtime.Port we use (injectable for tests). */
export interface PortLike {
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(cb: (message: unknown) => void): void; removeListener(cb: (message: unknown) => void): void };
  onDisconnect: { addListener(cb: () => void): void; removeListener(cb: () => void): void };
}

export interface RuntimeLike {
  connect(connectInfo: { name: string }): PortLike;
  readonly lastError?: unknown;
}

/** Runs `fn` after `ms`; returns a cancel function. */
export type Scheduler = (fn: () => void, ms: number) => () => void;

export interface ExtensionSourceOptions {
  tabId: number;
  runtime?: RuntimeLike;
  schedule?: Scheduler;
  /** Delays before successive reconnect attempts; the last one repeats. Reset by any message received. */
  backoffMs?: readonly number[];
  reloadPage?: () => void;
}

const defaultSchedule: Scheduler = (fn, ms) => {
  const t = setTimeout(fn, ms);
  return () => clearTimeout(t);
};

export class ExtensionSource implements DataSource {
  readonly kind = 'live' as const;
  readonly label = 'Live capture';
  readonly tabId: number;
  private readonly runtime: RuntimeLike;
  private readonly schedule: Scheduler;
  private readonly backoff: readonly number[];
  private readonly reload: (() => void) | undefined;
  private readonly listeners = new Set<SourceListener>();
  private port: PortLike | null = null;
  private cancelRetry: (() => void) | null = null;
  private attempt = 0;
  private everConnected = false;
  /** The user's Preserve log choice in this panel: re-sent after each reconnect, and wins over a stale snapshot. */
  private preserveLog: boolean | undefined;
  private pendingClear = false;
  private status: ConnectionStatus = 'connecting';
  private rechecks = new Map<string, { resolve: (x: Exchange) => void; reject: (e: Error) => void }>();
  private recheckSeq = 0;

  constructor(options: ExtensionSourceOptions) {
    this.tabId = options.tabId;
    this.runtime = options.runtime ?? (chrome.runtime as unknown as RuntimeLike);
    this.schedule = options.schedule ?? defaultSchedule;
    this.backoff = options.backoffMs?.length ? options.backoffMs : [0, 100, 250, 500, 1000, 2000, 5000];
    this.reload = options.reloadPage;
  }

  subscribe(listener: SourceListener): () => void {
    this.listeners.add(listener);
    listener({ type: 'status', status: this.status });
    if (this.listeners.size === 1) this.connect();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.shutdown();
    };
  }

  clear(): void {
    if (!this.post({ type: 'clear', tabId: this.tabId })) this.pendingClear = true;
  }

  setPreserveLog(value: boolean): void {
    this.preserveLog = value;
    this.post({ type: 'set-preserve-log', tabId: this.tabId, value });
  }

  recheck(exchange: Exchange, credentials: CredentialsMode, includeActual: boolean): Promise<Exchange> {
    const requestId = `r${++this.recheckSeq}`;
    return new Promise<Exchange>((resolve, reject) => {
      this.rechecks.set(requestId, { resolve, reject });
      if (!this.post({ type: 'recheck', tabId: this.tabId, requestId, exchange, credentials, includeActual })) {
        this.rechecks.delete(requestId);
        reject(new Error('Not connected to the CORS Lens worker; try again in a moment.'));
      }
    });
  }

  private failRechecks(): void {
    for (const r of this.rechecks.values()) r.reject(new Error('The CORS Lens worker restarted during the re-check; try again.'));
    this.rechecks.clear();
  }

  reloadPage(): void {
    this.reload?.();
  }

  /** Current connection state (also delivered as `status` events). */
  get connection(): ConnectionStatus {
    return this.status;
  }

  private connect(): void {
    this.cancelRetry = null;
    this.setStatus(this.everConnected ? 'reconnecting' : 'connecting');
    let port: PortLike;
    try {
      port = this.runtime.connect({ name: portName('panel', this.tabId) });
    } catch {
      // "Extension context invalidated" (extension reloaded) or the worker not startable yet.
      this.retryLater();
      return;
    }
    this.port = port;
    const onMessage = (message: unknown) => { if (this.port === port) this.receive(message); };
    const onDisconnect = () => {
      void this.runtime.lastError; // read it, or Chrome logs "Unchecked runtime.lastError"
      port.onMessage.removeListener(onMessage);
      port.onDisconnect.removeListener(onDisconnect);
      if (this.port !== port) return; // we closed it ourselves
      this.port = null;
      this.failRechecks();
      this.setStatus('reconnecting');
      this.retryLater();
    };
    port.onMessage.addListener(onMessage);
    port.onDisconnect.addListener(onDisconnect);
    this.post({ type: 'hello', tabId: this.tabId });
    if (this.preserveLog !== undefined) this.post({ type: 'set-preserve-log', tabId: this.tabId, value: this.preserveLog });
    if (this.pendingClear && this.post({ type: 'clear', tabId: this.tabId })) this.pendingClear = false;
  }

  private retryLater(): void {
    if (this.listeners.size === 0 || this.cancelRetry) return;
    const delay = this.backoff[Math.min(this.attempt, this.backoff.length - 1)] ?? 1000;
    this.attempt++;
    this.cancelRetry = this.schedule(() => this.connect(), delay);
  }

  private receive(message: unknown): void {
    if (!isToPanel(message) || message.tabId !== this.tabId) return;
    const m = message as ToPanel;
    this.attempt = 0;
    this.everConnected = true;
    this.setStatus('connected');
    switch (m.type) {
      case 'snapshot':
        this.emit({
          type: 'snapshot',
          exchanges: Array.isArray(m.exchanges) ? m.exchanges : [],
          dropped: m.dropped ?? 0,
          preserveLog: this.preserveLog ?? m.preserveLog,
        });
        break;
      case 'upsert':
        this.emit({
          type: 'upsert',
          exchanges: Array.isArray(m.exchanges) ? m.exchanges : [],
          ...(Array.isArray(m.removed) && m.removed.length ? { removed: m.removed.filter((id) => typeof id === 'string') } : {}),
          dropped: m.dropped ?? 0,
        });
        break;
      case 'cleared':
        this.emit({ type: 'cleared', reason: m.reason });
        break;
      case 'recheck-result': {
        const pending = this.rechecks.get(m.requestId);
        this.rechecks.delete(m.requestId);
        if (m.exchange) pending?.resolve(m.exchange);
        else pending?.reject(new Error(m.error ?? 'The re-check failed.'));
        break;
      }
      default:
        break; // a newer worker's message this panel does not know: ignore
    }
  }

  private post(message: ToWorker): boolean {
    if (!this.port) return false;
    try {
      this.port.postMessage(message);
      return true;
    } catch {
      return false; // the port died between its disconnect and our handler; the reconnect re-sends state
    }
  }

  private shutdown(): void {
    this.cancelRetry?.();
    this.cancelRetry = null;
    const port = this.port;
    this.port = null;
    try { port?.disconnect(); } catch { /* already gone */ }
    this.setStatus('connecting');
    this.everConnected = false;
    this.attempt = 0;
  }

  private setStatus(status: ConnectionStatus): void {
    if (this.status === status) return;
    this.status = status;
    this.emit({ type: 'status', status });
  }

  private emit(event: SourceEvent): void {
    for (const l of [...this.listeners]) l(event);
  }
}
