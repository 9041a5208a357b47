/**
 * The webRequest events the grouping needs, normalised into plain data. The worker converts
 * chrome.webRequest details into these; unit tests replay recorded traces of them.
 */
import type { Header } from '../model';

interface Base {
  requestId: string;
  timeStamp: number;
}

export interface StartEvent extends Base {
  kind: 'start';
  url: string;
  method: string;
  tabId: number;
  frameId: number;
  /** webRequest resource type: xmlhttprequest, script, image, main_frame … */
  type: string;
  /** Serialised origin of the initiating document/worker; absent for browser-initiated requests. */
  initiator?: string;
  documentUrl?: string;
}

export interface SendHeadersEvent extends Base {
  kind: 'send-headers';
  headers: Header[];
}

interface ResponseBase extends Base {
  url: string;
  statusCode: number;
  statusLine?: string;
  headers: Header[];
  fromCache?: boolean;
  ip?: string;
}

export interface HeadersReceivedEvent extends ResponseBase {
  kind: 'headers-received';
}

export interface RedirectEvent extends ResponseBase {
  kind: 'redirect';
  redirectUrl: string;
}

export interface CompletedEvent extends ResponseBase {
  kind: 'completed';
}

export interface ErrorEvent extends Base {
  kind: 'error';
  url: string;
  error: string;
  fromCache?: boolean;
}

export type CaptureEvent = StartEvent | SendHeadersEvent | HeadersReceivedEvent | RedirectEvent | CompletedEvent | ErrorEvent;
