/**
 * Where exchanges come from, as the panel sees it. The UI never knows whether a source is the live
 * capture (ExtensionSource, over a runtime port) or a fixed list (StaticSource: tests, imported HAR).
 */
import type { CredentialsMode, Exchange } from '../../model';

/** `static` sources never change on their own; the others describe the live port. */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'static';

export type SourceEvent =
  /** The full list: replaces whatever the store held (first connect, and again after every reconnect). */
  | { type: 'snapshot'; exchanges: Exchange[]; dropped: number; preserveLog?: boolean }
  /** New or updated exchanges (a known id replaces the old one); `removed` ids leave the list. */
  | { type: 'upsert'; exchanges: Exchange[]; removed?: string[]; dropped: number }
  | { type: 'cleared'; reason: 'navigation' | 'user' }
  | { type: 'status'; status: ConnectionStatus };

export type SourceListener = (event: SourceEvent) => void;

export interface DataSource {
  /** `live` sources offer Preserve log and page reload; `static` ones show a fixed list. */
  readonly kind: 'live' | 'static';
  /** Human label for the status bar, e.g. "Live capture" or the imported file's name. */
  readonly label: string;
  /**
   * Start delivering events to `listener` (a snapshot first, as soon as one is known).
   * Returns the function that stops delivery and releases the transport.
   */
  subscribe(listener: SourceListener): () => void;
  /** Forget every exchange (the source answers with `cleared`). */
  clear(): void;
  setPreserveLog(value: boolean): void;
  /** Reload the inspected page, when the source has one. */
  reloadPage?(): void;
  /**
   * Re-check an exchange against the live server (fresh preflight, optionally the actual request,
   * past every cache): resolves with the new exchange. Only live sources can.
   */
  recheck?(exchange: Exchange, credentials: CredentialsMode, includeActual: boolean): Promise<Exchange>;
}
