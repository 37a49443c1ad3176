import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import * as Y from 'yjs';
import { badRequest } from '../../core/errors/domain.exception';
import { CollabOptions } from '../collab.options';
import { CollabRepository } from './collab.repository';
import { Compactor, type Folded } from './compactor';
import { WriteQueue } from './write-queue';

/** Origin of changes made by the server itself (template, restore, suggestion accepted): never echoed back as a client's. */
export const SERVER_ORIGIN = 'server';
/** Origin of updates stored by another instance and relayed to this one (see CollabScaleOut). */
export const REMOTE_ORIGIN = 'remote';

/** Loading more stored updates than this folds them in the worker (and saves the result as the snapshot). */
const FOLD_ON_LOAD_AFTER = 50;

/** True for the state vector of an empty document (a client that holds nothing yet). */
const isEmptyStateVector = (stateVector: Uint8Array): boolean => Y.decodeStateVector(stateVector).size === 0;

/** Any change applied to an in-memory document, synchronously, with its transaction origin. */
export type UpdateListener = (documentId: string, update: Uint8Array, origin: unknown) => void;
/** An update of this instance, just committed. */
export type StoredListener = (documentId: string, update: Uint8Array, userId: string | null) => void;
/** A document about to leave memory. */
export type EvictListener = (documentId: string, doc: Y.Doc) => void;

/** A document the server holds in memory. */
class Entry {
  /** Holders that keep it in memory (sockets joined to it). */
  refs = 0;
  /** Updates applied in memory whose commit is pending. */
  inFlight = 0;
  /**
   * Compact after `compactAfterUpdates × (1 + compactJitter)` rows: documents edited at the same
   * pace (a workshop where everyone types) would otherwise all compact in the same second.
   */
  compactJitter = Math.random() * 0.5;
  evictTimer: NodeJS.Timeout | null = null;
  /** Waits for a pause in the editing before compacting (see DocumentStore.considerCompaction). */
  compactTimer: NodeJS.Timeout | null = null;
  /** When this instance last stored a change of the document (`performance.now()`). */
  lastStoredAt = 0;
  /** The whole current content as one update, while it is known without encoding (null: changed since). */
  state: Uint8Array | null;
  /** The state vector that goes with `state`. */
  stateVector: Uint8Array | null;
  private built: Y.Doc | null = null;

  constructor(
    readonly id: string,
    /** Rows in the update log not folded into the snapshot (as far as this instance knows). */
    public sinceSnapshot: number,
    /** Builds the Y.Doc (applies the stored state) the first time it is needed. */
    private readonly build: () => Y.Doc,
    known: { state: Uint8Array; stateVector: Uint8Array } | null,
  ) {
    this.state = known?.state ?? null;
    this.stateVector = known?.stateVector ?? null;
  }

  /**
   * The Yjs document. A document stored as one compacted state is opened from the stored bytes
   * (see `DocumentStore.stateVector` / `diff`) and built only when something needs the document
   * itself — a change, a client that already holds part of it, a REST feature.
   */
  get doc(): Y.Doc {
    if (!this.built) {
      this.built = this.build();
      this.built.on('update', () => {
        this.state = null;
        this.stateVector = null;
      });
    }
    return this.built;
  }

  get isBuilt(): boolean {
    return this.built !== null;
  }
}

/**
 * Owns the Yjs documents of the server: loading (snapshot + updates after it), appending updates
 * durably, compaction, eviction, and the in-memory copy that the gateway and the REST features share.
 *
 * An update is applied in memory first — so that listeners (the gateway's fan-out) forward it at
 * once — and the promise of `append` resolves only after its commit: acknowledge on that.
 * Compaction works from the stored rows, never from memory (which may hold updates whose commit
 * is pending), and replaces exactly the rows it folded in.
 */
@Injectable()
export class DocumentStore implements OnModuleDestroy {
  private readonly logger = new Logger(DocumentStore.name);
  private readonly loaded = new Map<string, Entry>();
  private readonly loading = new Map<string, { promise: Promise<Entry>; remote: Uint8Array[] }>();
  private readonly compactions = new Map<string, Promise<boolean>>();
  /** Background compactions running (see CollabOptions.maxConcurrentCompactions) … */
  private compactionsRunning = 0;
  /** … and the ones waiting for their turn, first come first served. */
  private readonly compactionTurns: Array<() => void> = [];
  private readonly queue: WriteQueue;
  private readonly compactor = new Compactor();
  private readonly updateListeners = new Set<UpdateListener>();
  private readonly storedListeners = new Set<StoredListener>();
  private readonly evictListeners = new Set<EvictListener>();
  private closing = false;

  constructor(
    private readonly repo: CollabRepository,
    private readonly options: CollabOptions,
  ) {
    this.queue = new WriteQueue((rows) => this.repo.append(rows), {
      maxRows: options.writeBatchMaxRows,
      minIntervalMs: options.writeBatchIntervalMs,
      retryDelayMs: 100,
    });
  }

  onUpdate(listener: UpdateListener): () => void {
    this.updateListeners.add(listener);
    return () => this.updateListeners.delete(listener);
  }

  onStored(listener: StoredListener): () => void {
    this.storedListeners.add(listener);
    return () => this.storedListeners.delete(listener);
  }

  onEvict(listener: EvictListener): () => void {
    this.evictListeners.add(listener);
    return () => this.evictListeners.delete(listener);
  }

  /** The in-memory document, loaded from storage on first use. */
  async get(documentId: string): Promise<Y.Doc> {
    const entry = await this.entry(documentId);
    if (entry.refs === 0 && entry.inFlight === 0) this.scheduleEviction(entry);
    return entry.doc;
  }

  /** The loaded document, or null (does not load). */
  peek(documentId: string): Y.Doc | null {
    return this.loaded.get(documentId)?.doc ?? null;
  }

  isLoaded(documentId: string): boolean {
    return this.loaded.has(documentId);
  }

  /** Whether the loaded document's Y.Doc exists yet (see Entry.doc). */
  isBuilt(documentId: string): boolean {
    return this.loaded.get(documentId)?.isBuilt ?? false;
  }

  /** The state vector of a loaded document (for the server's step 1), without building it when known. */
  stateVector(documentId: string): Uint8Array {
    const entry = this.loadedEntry(documentId);
    return (entry.stateVector ??= Y.encodeStateVector(entry.doc));
  }

  /**
   * What a client holding `stateVector` lacks of a loaded document (the answer to its step 1). A new
   * client gets the whole state, encoded once and kept until the next change — or, for a document
   * just opened from its compacted snapshot, the stored bytes themselves. Throws on a malformed vector.
   */
  diff(documentId: string, stateVector: Uint8Array): Uint8Array {
    const entry = this.loadedEntry(documentId);
    if (isEmptyStateVector(stateVector)) return (entry.state ??= Y.encodeStateAsUpdate(entry.doc));
    return Y.encodeStateAsUpdate(entry.doc, stateVector);
  }

  /** The whole current content as one update. */
  async encodeState(documentId: string): Promise<Uint8Array> {
    return Y.encodeStateAsUpdate(await this.get(documentId));
  }

  /** Loads the document (without building it, see Entry.doc) and keeps it in memory until every `acquire` is `release`d. */
  async acquire(documentId: string): Promise<void> {
    const entry = await this.entry(documentId);
    entry.refs += 1;
    this.cancelEviction(entry);
  }

  release(documentId: string): void {
    const entry = this.loaded.get(documentId);
    if (!entry) return;
    entry.refs = Math.max(0, entry.refs - 1);
    if (entry.refs === 0 && entry.inFlight === 0) this.scheduleEviction(entry);
  }

  /**
   * Applies an update to the in-memory copy with `origin` — synchronously when the document is
   * loaded, so listeners see it at once and in order — then stores it. Resolves only after the
   * commit; rejects with bad_request when Yjs cannot apply it (it is then not stored).
   */
  append(
    documentId: string,
    update: Uint8Array,
    userId: string | null,
    origin: unknown = SERVER_ORIGIN,
  ): Promise<void> {
    const ready = this.loaded.get(documentId);
    if (ready) return this.applyAndStore(ready, update, userId, origin);
    return this.entry(documentId).then((entry) => this.applyAndStore(entry, update, userId, origin));
  }

  /**
   * A change made by the server (e.g. restore): runs `mutate` on the live document in one
   * transaction with SERVER_ORIGIN (every open editor receives it), then stores what it changed.
   */
  async change(documentId: string, userId: string | null, mutate: (doc: Y.Doc) => void): Promise<void> {
    const entry = await this.entry(documentId);
    const captured: Uint8Array[] = [];
    const capture = (update: Uint8Array, origin: unknown) => {
      if (origin === SERVER_ORIGIN) captured.push(update);
    };
    entry.doc.on('update', capture);
    try {
      entry.doc.transact(() => mutate(entry.doc), SERVER_ORIGIN);
    } finally {
      entry.doc.off('update', capture);
      // Even if `mutate` threw half-way, what it did is in memory and must be stored too.
      if (captured.length > 0) {
        const update = captured.length === 1 ? captured[0] : Y.mergeUpdates(captured);
        await this.store(entry, update, userId);
      }
    }
  }

  /** An update stored by another instance: applied to the loaded copy (or to the one being loaded), not stored again. */
  applyRemote(documentId: string, update: Uint8Array): void {
    const entry = this.loaded.get(documentId);
    if (entry) {
      try {
        Y.applyUpdate(entry.doc, update, REMOTE_ORIGIN);
      } catch (error) {
        this.logger.warn(`could not apply a relayed update to ${documentId}: ${String(error)}`);
      }
      return;
    }
    this.loading.get(documentId)?.remote.push(update);
  }

  /**
   * Re-reads every loaded document from storage and applies what memory lacks (as REMOTE_ORIGIN, so
   * it reaches the sockets too): after the Redis link was down, updates other instances stored
   * meanwhile may never have been relayed. Applying stored state again is harmless to Yjs.
   */
  async catchUpFromStorage(): Promise<void> {
    for (const documentId of [...this.loaded.keys()]) {
      try {
        const state = await this.repo.load(documentId);
        const parts = state.updates.map((u) => u.data);
        if (state.snapshot) parts.unshift(state.snapshot);
        const entry = this.loaded.get(documentId);
        // One transaction: the sockets receive what was missing as one update.
        if (entry && parts.length > 0) {
          entry.doc.transact(() => {
            for (const part of parts) Y.applyUpdate(entry.doc, part, REMOTE_ORIGIN);
          }, REMOTE_ORIGIN);
        }
      } catch (error) {
        this.logger.warn(`catching up ${documentId} from storage failed: ${String(error)}`);
      }
    }
  }

  /** Resolves once every update appended so far is committed. */
  flush(): Promise<void> {
    return this.queue.flush();
  }

  /**
   * Folds the stored updates into the snapshot (in a worker thread, off the editors' way) and
   * deletes exactly those rows, once fewer than `maxConcurrentCompactions` others run. Returns false
   * when there was nothing to do, another compaction replaced the snapshot meanwhile, or the server
   * began shutting down before its turn came.
   */
  compact(documentId: string): Promise<boolean> {
    const running = this.compactions.get(documentId);
    if (running) return running;
    const job = this.inTurn(() => this.runCompaction(documentId)).finally(() => this.compactions.delete(documentId));
    this.compactions.set(documentId, job);
    return job;
  }

  /** Runs `work` once fewer than `maxConcurrentCompactions` others run; a finishing one hands its turn to the longest waiting. */
  private async inTurn<T>(work: () => Promise<T>): Promise<T> {
    if (this.compactionsRunning >= Math.max(1, this.options.maxConcurrentCompactions)) {
      await new Promise<void>((resolve) => this.compactionTurns.push(resolve));
    } else {
      this.compactionsRunning += 1;
    }
    try {
      return await work();
    } finally {
      const next = this.compactionTurns.shift();
      if (next) next();
      else this.compactionsRunning -= 1;
    }
  }

  /** Drops a document from memory at once if nobody holds it and no write is pending. */
  evict(documentId: string): boolean {
    const entry = this.loaded.get(documentId);
    if (!entry || entry.refs > 0 || entry.inFlight > 0) return false;
    this.cancelEviction(entry);
    this.cancelCompactionTimer(entry);
    // A document never built was never changed here: nothing for the listeners to do with it.
    if (entry.isBuilt) for (const listener of this.evictListeners) this.safely(() => listener(documentId, entry.doc));
    this.loaded.delete(documentId);
    if (entry.isBuilt) entry.doc.destroy();
    if (entry.sinceSnapshot > 0 && !this.closing) this.compactInBackground(documentId);
    return true;
  }

  async onModuleDestroy(): Promise<void> {
    this.closing = true;
    for (const entry of this.loaded.values()) {
      this.cancelEviction(entry);
      this.cancelCompactionTimer(entry);
    }
    await this.queue.flush();
    this.queue.close();
    await Promise.allSettled([...this.compactions.values()]);
    await this.compactor.close();
    for (const id of [...this.loaded.keys()]) {
      const entry = this.loaded.get(id)!;
      entry.refs = 0;
      this.evict(id);
    }
  }

  private applyAndStore(entry: Entry, update: Uint8Array, userId: string | null, origin: unknown): Promise<void> {
    try {
      Y.applyUpdate(entry.doc, update, origin);
    } catch {
      return Promise.reject(badRequest('The update could not be applied'));
    }
    return this.store(entry, update, userId);
  }

  private async store(entry: Entry, update: Uint8Array, userId: string | null): Promise<void> {
    entry.inFlight += 1;
    this.cancelEviction(entry);
    try {
      await this.queue.enqueue({ documentId: entry.id, data: update, userId });
      entry.sinceSnapshot += 1;
      entry.lastStoredAt = performance.now();
      for (const listener of this.storedListeners) this.safely(() => listener(entry.id, update, userId));
      this.considerCompaction(entry);
    } finally {
      entry.inFlight -= 1;
      if (entry.refs === 0 && entry.inFlight === 0 && this.loaded.get(entry.id) === entry) this.scheduleEviction(entry);
    }
  }

  private entry(documentId: string): Promise<Entry> {
    const ready = this.loaded.get(documentId);
    if (ready) return Promise.resolve(ready);
    let pending = this.loading.get(documentId);
    if (!pending) {
      const remote: Uint8Array[] = [];
      const promise = this.load(documentId, remote).finally(() => this.loading.delete(documentId));
      pending = { promise, remote };
      this.loading.set(documentId, pending);
    }
    return pending.promise;
  }

  private async load(documentId: string, remote: Uint8Array[]): Promise<Entry> {
    const state = await this.repo.load(documentId);
    const parts = state.updates.map((u) => u.data);
    if (state.snapshot) parts.unshift(state.snapshot);
    let folded: Folded | null = null;
    if (state.updates.length > FOLD_ON_LOAD_AFTER) {
      // A long log: fold it off the main thread, and keep the result as the new snapshot.
      folded = await this.compactor.compact(parts);
    }
    // Stored as one compacted state whose state vector is known: opened from the bytes, built later.
    const known: Folded | null =
      folded ??
      (state.updates.length === 0 && state.snapshot && state.snapshotStateVector
        ? { state: state.snapshot, stateVector: state.snapshotStateVector }
        : null);
    const build = (): Y.Doc => {
      const doc = new Y.Doc({ gc: true });
      if (known) {
        Y.applyUpdate(doc, known.state, SERVER_ORIGIN);
      } else if (parts.length > 0) {
        doc.transact(() => {
          for (const part of parts) Y.applyUpdate(doc, part, SERVER_ORIGIN);
        }, SERVER_ORIGIN);
      }
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        for (const listener of this.updateListeners) this.safely(() => listener(documentId, update, origin));
        // A change no one asked for is Yjs's own: after a remote change to formatted text it removes
        // redundant formatting marks in a transaction of its own (origin null). The editors are sent
        // it with the rest, so it is stored too — storing only what clients sent would leave the stored
        // document without it, and replicas do not always clean up the same way.
        if (origin === null) {
          this.store(entry, update, null).catch((error: unknown) =>
            this.logger.warn(`storing a formatting clean-up of ${documentId} failed: ${String(error)}`),
          );
        }
      });
      return doc;
    };
    const entry = new Entry(documentId, state.updates.length, build, known);
    // Relayed while loading: applying them builds the document.
    for (const update of remote) Y.applyUpdate(entry.doc, update, REMOTE_ORIGIN);
    if (!entry.isBuilt) {
      // Built in the background once the first clients are answered, so that the first change does not wait for it.
      setTimeout(() => {
        if (this.loaded.get(documentId) === entry) void entry.doc;
      }, this.options.buildAfterLoadMs).unref();
    }
    this.loaded.set(documentId, entry);
    if (folded) {
      const ids = state.updates.map((u) => u.id);
      const job = this.repo
        .replaceSnapshot(documentId, folded.state, state.snapshotVersion, ids, folded.stateVector)
        .then((replaced) => {
          if (replaced) entry.sinceSnapshot = Math.max(0, entry.sinceSnapshot - ids.length);
          return replaced;
        })
        .catch((error: unknown) => {
          this.logger.warn(`saving the compacted state of ${documentId} failed: ${String(error)}`);
          return false;
        })
        .finally(() => this.compactions.delete(documentId));
      this.compactions.set(documentId, job);
    }
    return entry;
  }

  private async runCompaction(documentId: string): Promise<boolean> {
    // Its turn came during shutdown: left for the next start (the updates stay in the log).
    if (this.closing) return false;
    const state = await this.repo.load(documentId);
    if (state.updates.length === 0) return false;
    const parts = state.updates.map((u) => u.data);
    if (state.snapshot) parts.unshift(state.snapshot);
    const folded = await this.compactor.compact(parts);
    const ids = state.updates.map((u) => u.id);
    const replaced = await this.repo.replaceSnapshot(
      documentId,
      folded.state,
      state.snapshotVersion,
      ids,
      folded.stateVector,
    );
    const entry = this.loaded.get(documentId);
    if (replaced && entry) {
      entry.sinceSnapshot = Math.max(0, entry.sinceSnapshot - ids.length);
      entry.compactJitter = Math.random() * 0.5;
    }
    if (replaced) this.logger.debug(`compacted ${ids.length} update(s) of ${documentId}`);
    return replaced;
  }

  /**
   * Compaction of a document with many stored updates waits for a pause in its editing: done while
   * people type, it is out of date the moment it commits, and its reads, writes and fold compete
   * with their changes for the CPU (in the benchmark, every document reaching the threshold together
   * doubled the p99 of propagation). A document edited without pause is compacted anyway once it has
   * `compactWhenBusyAfterUpdates` rows; one that leaves memory is compacted then (see `evict`).
   */
  private considerCompaction(entry: Entry): void {
    const { compactAfterUpdates, compactWhenBusyAfterUpdates, compactIdleMs } = this.options;
    const jitter = 1 + entry.compactJitter;
    const due = () =>
      entry.sinceSnapshot >= Math.round(compactAfterUpdates * jitter) && !this.compactions.has(entry.id);
    if (!due()) return;
    if (entry.sinceSnapshot >= Math.round(compactWhenBusyAfterUpdates * jitter)) {
      this.cancelCompactionTimer(entry);
      this.compactInBackground(entry.id);
      return;
    }
    if (entry.compactTimer || this.closing) return;
    const wait = (ms: number) => {
      entry.compactTimer = setTimeout(() => {
        entry.compactTimer = null;
        if (this.loaded.get(entry.id) !== entry || !due()) return;
        const quietFor = performance.now() - entry.lastStoredAt;
        if (quietFor < compactIdleMs) wait(compactIdleMs - quietFor);
        else this.compactInBackground(entry.id);
      }, ms);
      entry.compactTimer.unref();
    };
    wait(compactIdleMs);
  }

  private cancelCompactionTimer(entry: Entry): void {
    if (entry.compactTimer) clearTimeout(entry.compactTimer);
    entry.compactTimer = null;
  }

  private compactInBackground(documentId: string): void {
    this.compact(documentId).catch((error: unknown) =>
      this.logger.warn(`compacting ${documentId} failed: ${String(error)}`),
    );
  }

  private loadedEntry(documentId: string): Entry {
    const entry = this.loaded.get(documentId);
    if (!entry) throw new Error(`document ${documentId} is not loaded`);
    return entry;
  }

  private scheduleEviction(entry: Entry): void {
    if (this.closing) return;
    this.cancelEviction(entry);
    entry.evictTimer = setTimeout(() => {
      entry.evictTimer = null;
      if (this.loaded.get(entry.id) === entry) this.evict(entry.id);
    }, this.options.evictAfterMs);
    entry.evictTimer.unref();
  }

  private cancelEviction(entry: Entry): void {
    if (entry.evictTimer) clearTimeout(entry.evictTimer);
    entry.evictTimer = null;
  }

  private safely(fn: () => void): void {
    try {
      fn();
    } catch (error) {
      this.logger.error(`collaboration listener failed: ${error instanceof Error ? error.stack : String(error)}`);
    }
  }
}
