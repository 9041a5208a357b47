/**
 * A stand-in for chrome.runtime ports (tests): records what the panel posts, lets the test play the
 * worker (send messages, drop the port as a stopped MV3 worker does) and run scheduled reconnects.
 */
import type { PortLike, RuntimeLike, Scheduler } from './extension-source';

type Listener<T extends unknown[]> = (...args: T) => void;

function event<T extends unknown[]>() {
  const listeners = new Set<Listener<T>>();
  return {
    addListener: (cb: Listener<T>) => { listeners.add(cb); },
    removeListener: (cb: Listener<T>) => { listeners.delete(cb); },
    fire: (...args: T) => { for (const l of [...listeners]) l(...args); },
    get size() { return listeners.size; },
  };
}

export class FakePort implements PortLike {
  readonly posted: unknown[] = [];
  readonly onMessage = event<[unknown]>();
  readonly onDisconnect = event<[]>();
  closedByPanel = false;
  dead = false;

  constructor(readonly name: string) {}

  postMessage(message: unknown): void {
    if (this.dead) throw new Error('Attempting to use a disconnected port object');
    this.posted.push(structuredClone(message));
  }

  disconnect(): void {
    this.closedByPanel = true;
    this.dead = true;
  }

  /** The worker sends a message (structured-cloned, as a real port does). */
  send(message: unknown): void {
    this.onMessage.fire(structuredClone(message));
  }

  /** The worker stops: the port dies and the panel is told. */
  drop(): void {
    this.dead = true;
    this.onDisconnect.fire();
  }
}

export class FakeRuntime implements RuntimeLike {
  readonly ports: FakePort[] = [];
  /** Make the next N connect() calls throw ("Extension context invalidated"). */
  failNext = 0;
  lastError: unknown = undefined;

  connect({ name }: { name: string }): FakePort {
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error('Extension context invalidated.');
    }
    const p = new FakePort(name);
    this.ports.push(p);
    return p;
  }

  get port(): FakePort {
    const p = this.ports.at(-1);
    if (!p) throw new Error('no port yet');
    return p;
  }
}

/** A scheduler the test runs by hand: no timers, no sleeps. */
export class ManualScheduler {
  readonly pending: { fn: () => void; ms: number; cancelled: boolean }[] = [];

  readonly schedule: Scheduler = (fn, ms) => {
    const job = { fn, ms, cancelled: false };
    this.pending.push(job);
    return () => { job.cancelled = true; };
  };

  /** Run every job due now; returns the delays they were scheduled with. */
  runAll(): number[] {
    const jobs = this.pending.splice(0).filter((j) => !j.cancelled);
    for (const j of jobs) j.fn();
    return jobs.map((j) => j.ms);
  }
}
