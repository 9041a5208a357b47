/** Converts chrome.webRequest details into the grouping's plain events. */
import type { WebRequest } from 'webextension-polyfill';
import type { Header } from '../model';
import type { CaptureEvent } from './events';

function headers(list: WebRequest.HttpHeaders | undefined): Header[] {
  return (list ?? []).map((h) => ({ name: h.name, value: h.value ?? '' }));
}

export function startEvent(d: WebRequest.OnBeforeRequestDetailsType): CaptureEvent {
  return {
    kind: 'start', requestId: d.requestId, timeStamp: d.timeStamp, url: d.url, method: d.method, tabId: d.tabId,
    frameId: d.frameId, type: d.type, ...(d.initiator ? { initiator: d.initiator } : {}),
  };
}

export function sendHeadersEvent(d: WebRequest.OnSendHeadersDetailsType): CaptureEvent {
  return { kind: 'send-headers', requestId: d.requestId, timeStamp: d.timeStamp, headers: headers(d.requestHeaders) };
}

type ResponseDetails = WebRequest.OnHeadersReceivedDetailsType | WebRequest.OnCompletedDetailsType | WebRequest.OnBeforeRedirectDetailsType;

function responseFields(d: ResponseDetails) {
  const fromCache = 'fromCache' in d ? d.fromCache : undefined;
  const ip = 'ip' in d ? d.ip : undefined;
  return {
    requestId: d.requestId, timeStamp: d.timeStamp, url: d.url, statusCode: d.statusCode, statusLine: d.statusLine,
    headers: headers(d.responseHeaders), ...(fromCache ? { fromCache } : {}), ...(ip ? { ip } : {}),
  };
}

export function headersReceivedEvent(d: WebRequest.OnHeadersReceivedDetailsType): CaptureEvent {
  return { kind: 'headers-received', ...responseFields(d) };
}

export function redirectEvent(d: WebRequest.OnBeforeRedirectDetailsType): CaptureEvent {
  return { kind: 'redirect', ...responseFields(d), redirectUrl: d.redirectUrl };
}

export function completedEvent(d: WebRequest.OnCompletedDetailsType): CaptureEvent {
  return { kind: 'completed', ...responseFields(d) };
}

export function errorEvent(d: WebRequest.OnErrorOccurredDetailsType): CaptureEvent {
  return { kind: 'error', requestId: d.requestId, timeStamp: d.timeStamp, url: d.url, error: d.error, ...(d.fromCache ? { fromCache: d.fromCache } : {}) };
}
