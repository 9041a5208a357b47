/**
 * The panel's state: exchanges by id in time order, their diagnoses (computed lazily, memoized per
 * exchange object), the filters and the selection. It listens to one DataSource at a time.
 *
 * Exchange objects are replaced, never mutated, so a WeakMap keyed by the object is a correct
 * memo: an upsert with new data is a new object and gets a fresh diagnosis.
 */
import type { Diagnosis, Exchange } from '../../model';
import { createDiagnoser } from '../../rules';
import type { ConnectionStatus, DataSource, SourceEvent } from '../data/source';
import { localPrefs, readChoice, type PrefStore } from '../lib/prefs';
import { DEFAULT_FILTERS, SCOPES, matchesFilters, matchesWithoutDiagnosis, parseFilterText, type Filters, type Term } from './filters';
import { rowModel, type RowModel } from './row-model';
import { safeDiagnose, type DiagnoseFn } from './safe-diagnose';
import { normalizeExchange } from './normalize';
import { sameJson } from './same-json';

/**
 * Runs `work` when the page is idle — or, when `urgent` (someone waits for the result), in short
 * slices between frames. `timeLeft()` says how many ms the slice may still use. Returns a cancel function.
 */
export type IdleScheduler = (work: (timeLeft: () => number) => void, urgent?: boolean) => () => void;

/** The budget of a slice that does not run in idle time. */
const SLICE_MS = 12;

const slice = (work: (timeLeft: () => number) => void): void => {
  const end = performance.now() + SLICE_MS;
  work(() => end - performance.now());
};

export const defaultIdle: IdleScheduler = (work, urgent = false) => {
  if (urgent || typeof requestIdleCallback !== 'function') {
    const t = setTimeout(() => slice(work), 0);
    return () => clearTimeout(t);
  }
  // A callback fired by its timeout has no idle time left (timeRemaining() is 0). Measured in the
  // panel: a page that gives no idle periods then gets one such call per timeout, and the work made
  // no progress at all; it takes a short slice instead.
  const h = requestIdleCallback((d) => (d.didTimeout ? slice(work) : work(() => d.timeRemaining())), { timeout: 500 });
  return () => cancelIdleCallback(h);
};

export interface StoreOptions {
  diagnose?: DiagnoseFn;
  prefs?: PrefStore;
  /**
   * Diagnoses exchanges in the background so counts and filters are ready without blocking the first
   * paint (the engine takes ~0.2 ms an exchange: 2 s for 10,000). null: only on demand.
   */
  idle?: IdleScheduler | null;
  /** The clock for the synchronous filtering budget (tests pass their own). */
  now?: () => number;
}

export interface Counts {
  total: number;
  visible: number;
  /** Exchanges diagnosed so far; blocked and warnings count only those. */
  analysed: number;
  blocked: number;
  warnings: number;
}

/** At most one store notification per this many ms while the background analysis runs. */
const ANALYSIS_NOTIFY_MS = 250;
/** While a filter's list is still being completed in the background, it grows at most this often. */
const FILTER_NOTIFY_MS = 100;
/**
 * A filter change diagnoses (synchronously) the exchanges it needs until this many rows are listed —
 * more than a screenful — or every exchange is decided, or SYNC_BUDGET_MS have passed; the rest of the
 * list follows from the background analysis. While it does, the list says "filtering…", never "no
 * match" (store.filterPending).
 */
const SYNC_MATCHES = 100;
/** Longest a filter keystroke may block the panel diagnosing exchanges (a frame or three). */
const SYNC_BUDGET_MS = 50;

/**
 * The filtered list: the exchanges that pass the filters, in time order, up to the first one the
 * filters cannot decide yet (it waits for its diagnosis). It only ever grows at its end until the
 * data or the filters change: a row once listed matches, and rows never appear above it.
 */
interface VisibleList {
  key: string;
  ids: string[];
  index: Map<string, number>;
  /** Position in `order` of the first exchange not decided yet; order.length when the list is complete. */
  scan: number;
  terms: readonly Term[];
}

export class PanelStore {
  private readonly diagnoseFn: DiagnoseFn;
  private readonly prefs: PrefStore;
  private readonly idle: IdleScheduler | null;
  private readonly now: () => number;
  private analysisQueue: string[] = [];
  private analysisAt = 0;
  private cancelAnalysis: (() => void) | null = null;
  /** The scheduled analysis slice was asked for as urgent (a filtered list waits for it). */
  private analysisUrgent = false;
  private analysisVersion = 0;
  private lastAnalysisNotify = 0;
  private readonly byId = new Map<string, Exchange>();
  /** Arrival order, the tie-break for equal start times. */
  private readonly seq = new Map<string, number>();
  private nextSeq = 0;
  private order: string[] = [];
  /** Memo: the diagnosis, and the related exchange it was computed with (a cached preflight's exchange). */
  private readonly diagnoses = new WeakMap<Exchange, { d: Diagnosis; dep: Exchange | undefined }>();
  private readonly rows = new WeakMap<Exchange, { d: Diagnosis; r: RowModel }>();
  private readonly listeners = new Set<() => void>();
  private detachSource: (() => void) | null = null;
  private currentSource: DataSource | null = null;

  private dataVersion = 0;
  private filterVersion = 0;
  private visibleCache: VisibleList | null = null;
  private countsCache: { key: string; counts: Counts } | null = null;

  filters: Filters;
  selectedId: string | null = null;
  dropped = 0;
  preserveLog = false;
  connection: ConnectionStatus = 'connecting';
  /** Bumped on every change; components compare it to know they must re-render. */
  version = 0;

  constructor(options: StoreOptions = {}) {
    this.diagnoseFn = options.diagnose ?? createDiagnoser();
    this.prefs = options.prefs ?? localPrefs;
    this.idle = options.idle === undefined ? defaultIdle : options.idle;
    this.now = options.now ?? (() => performance.now());
    this.filters = {
      text: '',
      scope: readChoice(this.prefs, 'scope', SCOPES, DEFAULT_FILTERS.scope),
      platform: this.prefs.get('platform') ?? DEFAULT_FILTERS.platform,
    };
  }

  // ---- source ---------------------------------------------------------------------------------

  get source(): DataSource | null {
    return this.currentSource;
  }

  /** Listen to `source` instead of the current one. Its snapshot replaces the list. */
  attach(source: DataSource): void {
    this.detachSource?.();
    this.currentSource = source;
    this.detachSource = source.subscribe((e) => this.apply(e));
    this.notify();
  }

  /** Stop listening to the source and stop background work (the panel is going away). */
  detach(): void {
    this.detachSource?.();
    this.detachSource = null;
    this.cancelAnalysis?.();
    this.cancelAnalysis = null;
  }

  /** Clear now (no waiting for the worker's answer), and ask the source to forget too. */
  clear(): void {
    this.reset();
    this.dropped = 0;
    this.currentSource?.clear();
    this.notify();
  }

  setPreserveLog(value: boolean): void {
    this.preserveLog = value;
    this.currentSource?.setPreserveLog(value);
    this.notify();
  }

  apply(event: SourceEvent): void {
    switch (event.type) {
      case 'status':
        this.connection = event.status;
        break;
      case 'snapshot':
        this.replaceAll(event.exchanges);
        this.queueAnalysis(this.order);
        this.dropped = event.dropped;
        if (event.preserveLog !== undefined) this.preserveLog = event.preserveLog;
        break;
      case 'upsert':
        if (event.removed?.length) this.remove(event.removed);
        for (const e of event.exchanges) this.upsertOne(e);
        this.queueAnalysis(event.exchanges.map((e) => e?.id).filter((id): id is string => typeof id === 'string'));
        this.dropped = event.dropped;
        this.dataVersion++;
        break;
      case 'cleared':
        this.reset();
        this.dropped = 0;
        break;
    }
    this.notify();
  }

  // ---- data -----------------------------------------------------------------------------------

  get total(): number {
    return this.order.length;
  }

  exchange(id: string): Exchange | undefined {
    return this.byId.get(id);
  }

  /** All exchanges in time order (for "export all"). */
  allExchanges(): Exchange[] {
    return this.order.map((id) => this.byId.get(id)).filter((e): e is Exchange => e !== undefined);
  }

  diagnosis(exchange: Exchange): Diagnosis {
    // An exchange whose preflight came from the browser's cache is explained with the exchange that
    // made that preflight (its Max-Age, its allowed headers): recompute if that one changed.
    const dep = exchange.cachedPreflightId === undefined ? undefined : this.byId.get(exchange.cachedPreflightId);
    const memo = this.diagnoses.get(exchange);
    if (memo && memo.dep === dep) return memo.d;
    const d = safeDiagnose(this.diagnoseFn, exchange, dep ? [dep] : []);
    this.diagnoses.set(exchange, { d, dep });
    return d;
  }

  row(exchange: Exchange): RowModel {
    const d = this.diagnosis(exchange);
    const memo = this.rows.get(exchange);
    if (memo?.d === d) return memo.r;
    const r = rowModel(exchange, d);
    this.rows.set(exchange, { d, r });
    return r;
  }

  // ---- filters and selection --------------------------------------------------------------------

  setFilters(patch: Partial<Filters>): void {
    this.filters = { ...this.filters, ...patch };
    if (patch.scope !== undefined) this.prefs.set('scope', patch.scope);
    if (patch.platform !== undefined) this.prefs.set('platform', patch.platform);
    this.filterVersion++;
    this.notify();
  }

  /** Ids that pass the filters, in time order (memoized until data or filters change). */
  visibleIds(): readonly string[] {
    return this.visible().ids;
  }

  /**
   * Every id that passes the filters, finishing now whatever the background analysis has not reached
   * yet (for "export all listed": the file must hold every match, not only those listed so far).
   */
  completeVisibleIds(): readonly string[] {
    const list = this.visible();
    if (list.scan < this.order.length) {
      this.extendVisible(list, () => true);
      this.notify();
    }
    return list.ids;
  }

  /**
   * True while the filtered list is still being completed from the background analysis (the filter
   * was typed before every exchange was diagnosed): more rows may still be appended at its end.
   */
  get filterPending(): boolean {
    const v = this.visible();
    return v.scan < this.order.length;
  }

  /** Position of `id` among the visible ids, or -1. */
  visibleIndex(id: string | null): number {
    if (id === null) return -1;
    return this.visible().index.get(id) ?? -1;
  }

  select(id: string | null): void {
    if (id === this.selectedId) return;
    this.selectedId = id !== null && this.byId.has(id) ? id : null;
    this.notify();
  }

  get selected(): Exchange | undefined {
    return this.selectedId === null ? undefined : this.byId.get(this.selectedId);
  }

  /** Counts over the exchanges diagnosed so far (never forces a diagnosis). */
  counts(): Counts {
    const key = `${this.dataVersion}|${this.filterVersion}|${this.analysisVersion}`;
    if (this.countsCache?.key === key) return this.countsCache.counts;
    let blocked = 0;
    let warnings = 0;
    let analysed = 0;
    for (const id of this.order) {
      const e = this.byId.get(id);
      if (!e || !this.diagnoses.has(e)) continue;
      analysed++;
      const s = this.row(e).status;
      if (s === 'blocked') blocked++;
      else if (s === 'warning') warnings++;
    }
    const counts = { total: this.order.length, visible: this.visible().ids.length, analysed, blocked, warnings };
    this.countsCache = { key, counts };
    return counts;
  }

  // ---- change notification ------------------------------------------------------------------------

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => { this.listeners.delete(listener); };
  }

  private notify(): void {
    this.version++;
    for (const l of [...this.listeners]) l();
  }

  // ---- internals -------------------------------------------------------------------------------------

  private queueAnalysis(ids: readonly string[]): void {
    if (!this.idle || ids.length === 0) return;
    if (this.analysisAt >= this.analysisQueue.length) { this.analysisQueue = []; this.analysisAt = 0; }
    this.analysisQueue.push(...ids);
    if (!this.cancelAnalysis) this.scheduleAnalysis();
  }

  /** A filtered list is still being completed from the analysis: the user waits for it. */
  private filterWaiting(): boolean {
    const list = this.visibleCache?.key === this.visibleKey() ? this.visibleCache : null;
    return list !== null && list.scan < this.order.length;
  }

  private scheduleAnalysis(): void {
    const idle = this.idle;
    if (!idle) return;
    this.analysisUrgent = this.filterWaiting();
    this.cancelAnalysis = idle((timeLeft) => {
      this.cancelAnalysis = null;
      // The exchanges a pending filtered list waits for come first, in list order.
      const list = this.visibleCache?.key === this.visibleKey() ? this.visibleCache : null;
      const listed = list?.ids.length ?? 0;
      const waiting = list !== null && list.scan < this.order.length;
      if (list && waiting) this.extendVisible(list, () => timeLeft() > 1);
      const q = this.analysisQueue;
      while (this.analysisAt < q.length && timeLeft() > 1) {
        const e = this.byId.get(q[this.analysisAt++]!);
        if (e) this.diagnosis(e);
      }
      this.analysisVersion++;
      const pending = list !== null && list.scan < this.order.length;
      const done = this.analysisAt >= q.length && !pending;
      const grew = list !== null && list.ids.length !== listed;
      const now = performance.now();
      if (done || (waiting && !pending) || now - this.lastAnalysisNotify > (grew ? FILTER_NOTIFY_MS : ANALYSIS_NOTIFY_MS)) {
        this.lastAnalysisNotify = now;
        this.notify();
      }
      if (!done) this.scheduleAnalysis();
    }, this.analysisUrgent);
  }

  private visibleKey(): string {
    return `${this.dataVersion}|${this.filterVersion}`;
  }

  private visible(): VisibleList {
    const key = this.visibleKey();
    if (this.visibleCache?.key === key) return this.visibleCache;
    const f = this.filters;
    let list: VisibleList;
    if (f.scope === 'all' && f.platform === 'all' && f.text.trim() === '') {
      // No filter: no diagnosis needed until a row is drawn. A copy, because `order` is updated in
      // place and the list compares arrays to notice changes.
      const ids = this.order.slice();
      const index = new Map<string, number>();
      ids.forEach((id, i) => index.set(id, i));
      list = { key, ids, index, scan: this.order.length, terms: [] };
    } else {
      list = { key, ids: [], index: new Map(), scan: 0, terms: parseFilterText(f.text) };
      // Without background analysis, the whole list now; with it, enough rows to fill the view, within
      // the time budget (a filter that matches little would otherwise diagnose every exchange first).
      const start = this.now();
      this.extendVisible(list, (listed) => !this.idle || (listed < SYNC_MATCHES && this.now() - start < SYNC_BUDGET_MS));
    }
    this.visibleCache = list;
    if (list.scan < this.order.length && (!this.cancelAnalysis || !this.analysisUrgent)) {
      // The rest of this list waits for the analysis: no longer only in idle time.
      this.cancelAnalysis?.();
      this.scheduleAnalysis();
    }
    return list;
  }

  /**
   * Decides exchanges from `list.scan` on: from the exchange alone when the filters allow, else
   * from its diagnosis — the memo's, or computed here while `mayDiagnose(rows listed)` says so.
   * Stops at the first exchange it cannot decide.
   */
  private extendVisible(list: VisibleList, mayDiagnose: (listed: number) => boolean): void {
    const f = this.filters;
    const added: string[] = [];
    for (; list.scan < this.order.length; list.scan++) {
      const id = this.order[list.scan]!;
      const e = this.byId.get(id);
      if (!e) continue;
      let match = matchesWithoutDiagnosis(f, list.terms, e);
      if (match === null) {
        if (!this.isDiagnosed(e) && !mayDiagnose(list.ids.length + added.length)) break;
        match = matchesFilters(f, list.terms, this.row(e), e, this.diagnosis(e));
      }
      if (match) added.push(id);
    }
    if (added.length === 0) return;
    // A new array: the list compares arrays to notice changes.
    const start = list.ids.length;
    list.ids = list.ids.concat(added);
    added.forEach((id, i) => list.index.set(id, start + i));
  }

  /** Whether diagnosis(e) would answer from the memo. */
  private isDiagnosed(e: Exchange): boolean {
    const memo = this.diagnoses.get(e);
    if (!memo) return false;
    const dep = e.cachedPreflightId === undefined ? undefined : this.byId.get(e.cachedPreflightId);
    return memo.dep === dep;
  }

  private reset(): void {
    this.byId.clear();
    this.seq.clear();
    this.order = [];
    this.selectedId = null;
    this.dataVersion++;
  }

  private replaceAll(exchanges: readonly Exchange[]): void {
    const previous = new Map(this.byId);
    this.byId.clear();
    this.seq.clear();
    for (const raw of exchanges) {
      const incoming = normalizeExchange(raw);
      if (!incoming) continue;
      const old = previous.get(incoming.id);
      // A reconnect re-sends everything as new objects: keep the old ones when unchanged so their
      // diagnoses (and the rows drawn from them) survive.
      this.byId.set(incoming.id, old && sameJson(old, incoming) ? old : incoming);
      this.seq.set(incoming.id, this.nextSeq++);
    }
    this.order = [...this.byId.keys()].sort((a, b) => this.compare(a, b));
    if (this.selectedId !== null && !this.byId.has(this.selectedId)) this.selectedId = null;
    this.dataVersion++;
  }

  private remove(ids: readonly string[]): void {
    const gone = new Set(ids.filter((id) => this.byId.delete(id)));
    if (!gone.size) return;
    for (const id of gone) this.seq.delete(id);
    this.order = this.order.filter((id) => !gone.has(id));
    if (this.selectedId !== null && gone.has(this.selectedId)) this.selectedId = null;
  }

  private upsertOne(raw: Exchange): void {
    const incoming = normalizeExchange(raw);
    if (!incoming) return;
    const old = this.byId.get(incoming.id);
    if (old) {
      this.byId.set(incoming.id, incoming);
      if (old.startedAt === incoming.startedAt) return; // same place in the order
      this.order.splice(this.order.indexOf(incoming.id), 1);
    } else {
      this.byId.set(incoming.id, incoming);
      this.seq.set(incoming.id, this.nextSeq++);
    }
    this.order.splice(this.insertionPoint(incoming.id), 0, incoming.id);
  }

  /** First position whose exchange sorts after `id` (binary search: appends are the common case). */
  private insertionPoint(id: string): number {
    let lo = 0;
    let hi = this.order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compare(this.order[mid]!, id) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private compare(a: string, b: string): number {
    const ea = this.byId.get(a);
    const eb = this.byId.get(b);
    const ta = ea?.startedAt ?? 0;
    const tb = eb?.startedAt ?? 0;
    if (ta !== tb) return ta - tb;
    return (this.seq.get(a) ?? 0) - (this.seq.get(b) ?? 0);
  }
}
