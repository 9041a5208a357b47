import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../model';
import { sampleSet } from '../fixtures/sample';
import { ExtensionSource } from './extension-source';
import { FakeRuntime, ManualScheduler } from './fake-runtime';
import type { SourceEvent } from './source';

const TAB = 17;
const [a, b] = sampleSet().map((s) => s.exchange) as [Exchange, Exchange];

function setup() {
  const runtime = new FakeRuntime();
  const timers = new ManualScheduler();
  const source = new ExtensionSource({ tabId: TAB, runtime, schedule: timers.schedule });
  const events: SourceEvent[] = [];
  const stop = source.subscribe((e) => events.push(e));
  return { runtime, timers, source, events, stop };
}

const data = (events: SourceEvent[]) => events.filter((e) => e.type !== 'status');
const statuses = (events: SourceEvent[]) => events.flatMap((e) => (e.type === 'status' ? [e.status] : []));

describe('ExtensionSource', () => {
  it('connects a port named for the panel and the tab, says hello, and relays the worker’s messages', () => {
    const { runtime, events } = setup();
    expect(runtime.port.name).toBe(`cors-lens:panel:${TAB}`);
    expect(runtime.port.posted).toEqual([{ type: 'hello', tabId: TAB }]);
    runtime.port.send({ type: 'snapshot', tabId: TAB, exchanges: [a], dropped: 0, preserveLog: true });
    runtime.port.send({ type: 'upsert', tabId: TAB, exchanges: [b], dropped: 2 });
    runtime.port.send({ type: 'upsert', tabId: TAB, exchanges: [], removed: [a.id], dropped: 3 });
    runtime.port.send({ type: 'cleared', tabId: TAB, reason: 'navigation' });
    expect(data(events)).toEqual([
      { type: 'snapshot', exchanges: [a], dropped: 0, preserveLog: true },
      { type: 'upsert', exchanges: [b], dropped: 2 },
      { type: 'upsert', exchanges: [], removed: [a.id], dropped: 3 },
      { type: 'cleared', reason: 'navigation' },
    ]);
    expect(statuses(events)).toEqual(['connecting', 'connected']);
  });

  it('ignores messages for another tab and messages that are not panel messages', () => {
    const { runtime, events } = setup();
    runtime.port.send({ type: 'snapshot', tabId: TAB + 1, exchanges: [a], dropped: 0, preserveLog: false });
    runtime.port.send('hello');
    runtime.port.send({ type: 'from-the-future', tabId: TAB });
    expect(data(events)).toEqual([]);
  });

  it('reconnects when the worker stops, and takes the fresh snapshot', () => {
    const { runtime, timers, events } = setup();
    runtime.port.send({ type: 'snapshot', tabId: TAB, exchanges: [a], dropped: 0, preserveLog: false });
    runtime.port.drop();
    expect(statuses(events).at(-1)).toBe('reconnecting');
    expect(timers.runAll()).toEqual([0]); // first retry at once: connecting wakes the worker
    expect(runtime.ports).toHaveLength(2);
    expect(runtime.port.posted).toEqual([{ type: 'hello', tabId: TAB }]);
    runtime.port.send({ type: 'snapshot', tabId: TAB, exchanges: [a, b], dropped: 0, preserveLog: false });
    expect(data(events).at(-1)).toEqual({ type: 'snapshot', exchanges: [a, b], dropped: 0, preserveLog: false });
    expect(statuses(events).at(-1)).toBe('connected');
  });

  it('backs off while connecting keeps failing, and starts over once a message arrives', () => {
    const { runtime, timers } = setup();
    runtime.port.drop();
    runtime.failNext = 3;
    const delays = [timers.runAll(), timers.runAll(), timers.runAll(), timers.runAll()].flat();
    expect(delays).toEqual([0, 100, 250, 500]);
    expect(runtime.ports).toHaveLength(2);
    runtime.port.send({ type: 'upsert', tabId: TAB, exchanges: [], dropped: 0 });
    runtime.port.drop();
    expect(timers.runAll()).toEqual([0]);
  });

  it('re-sends the user’s Preserve log choice after a reconnect, and it wins over the snapshot', () => {
    const { runtime, timers, source, events } = setup();
    source.setPreserveLog(true);
    expect(runtime.port.posted.at(-1)).toEqual({ type: 'set-preserve-log', tabId: TAB, value: true });
    runtime.port.drop();
    timers.runAll();
    expect(runtime.port.posted).toEqual([{ type: 'hello', tabId: TAB }, { type: 'set-preserve-log', tabId: TAB, value: true }]);
    runtime.port.send({ type: 'snapshot', tabId: TAB, exchanges: [], dropped: 0, preserveLog: false });
    expect(data(events).at(-1)).toMatchObject({ type: 'snapshot', preserveLog: true });
  });

  it('a Clear while disconnected is sent after the reconnect', () => {
    const { runtime, timers, source } = setup();
    runtime.port.drop();
    source.clear();
    timers.runAll();
    expect(runtime.port.posted).toContainEqual({ type: 'clear', tabId: TAB });
  });

  it('the last unsubscribe closes the port and cancels any retry', () => {
    const { runtime, timers, stop } = setup();
    const first = runtime.port;
    stop();
    expect(first.closedByPanel).toBe(true);
    first.onDisconnect.fire(); // a late disconnect of a port we closed must not reconnect
    expect(timers.runAll()).toEqual([]);
    expect(runtime.ports).toHaveLength(1);
  });
});
