import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import {
  DOCUMENT_CONTENT_CHANGED,
  DOCUMENT_STATUS_CHANGED,
  MEMBERSHIP_CHANGED,
  USER_ACCESS_CHANGED,
} from '../../collab/collab.events';
import { CITY_UPDATED } from '../cities/membership-events';
import {
  COMMENT_CREATED,
  COMMENT_DELETED,
  COMMENT_UPDATED,
  SUGGESTION_ACCEPTED,
  SUGGESTION_REJECTED,
  THREAD_CREATED,
} from '../comments/comments.events';
import { DOCUMENT_CREATED, DOCUMENT_UPDATED } from '../documents/documents.events';
import {
  MILESTONE_CHANGED,
  PILOT_PROJECT_CREATED,
  PILOT_PROJECT_PROGRESS_ADDED,
  PILOT_PROJECT_STATUS_CHANGED,
  PILOT_PROJECT_UPDATED,
} from '../pilot-projects/pilot-projects.events';
import { VERSION_RESTORED } from '../versions/versions.events';

/**
 * Every change that can alter what search finds, how it ranks it or what it shows: the text, title,
 * language, status or publication of a document, comments, pilot projects, city names, who may read
 * what. Any of them empties the cache.
 */
export const SEARCH_INVALIDATING_EVENTS: readonly string[] = [
  DOCUMENT_CREATED,
  DOCUMENT_UPDATED,
  DOCUMENT_CONTENT_CHANGED,
  DOCUMENT_STATUS_CHANGED,
  VERSION_RESTORED,
  THREAD_CREATED,
  COMMENT_CREATED,
  COMMENT_UPDATED,
  COMMENT_DELETED,
  SUGGESTION_ACCEPTED,
  SUGGESTION_REJECTED,
  PILOT_PROJECT_CREATED,
  PILOT_PROJECT_UPDATED,
  PILOT_PROJECT_STATUS_CHANGED,
  PILOT_PROJECT_PROGRESS_ADDED,
  MILESTONE_CHANGED,
  CITY_UPDATED,
  MEMBERSHIP_CHANGED,
  USER_ACCESS_CHANGED,
];

interface Entry<T> {
  at: number;
  value: Promise<T>;
}

/**
 * A short-lived cache of search answers, keyed by the reader's access scope and the request (see
 * SearchService). An answer is kept for `ttlMs` at most and dropped as soon as this instance hears
 * of a change (SEARCH_INVALIDATING_EVENTS); other instances, and changes made outside the services
 * (SQL by hand), are seen after `ttlMs` at the latest. Requests that come while an answer is being
 * computed wait for it rather than compute it again.
 */
@Injectable()
export class SearchCache implements OnModuleInit, OnModuleDestroy {
  /** How long an answer is kept; 0 turns the cache off. Read on every use, like CollabOptions. */
  ttlMs = 2000;
  /** Answers kept at most (the oldest go first). */
  maxEntries = 1000;

  private readonly entries = new Map<string, Entry<unknown>>();
  private readonly offs: Array<() => void> = [];

  constructor(private readonly events: EventEmitter2) {}

  onModuleInit(): void {
    const invalidate = () => this.clear();
    for (const name of SEARCH_INVALIDATING_EVENTS) {
      this.events.on(name, invalidate);
      this.offs.push(() => this.events.off(name, invalidate));
    }
  }

  onModuleDestroy(): void {
    for (const off of this.offs.splice(0)) off();
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }

  /** The cached answer for `key`, or `compute()`'s, which is then kept. */
  get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    if (this.ttlMs <= 0) return compute();
    const now = Date.now();
    const cached = this.entries.get(key);
    if (cached && now - cached.at < this.ttlMs) return cached.value as Promise<T>;
    if (cached) this.entries.delete(key);
    const value = compute();
    // `at` is when the computation started: an answer is never older than ttlMs counted from there.
    const entry: Entry<T> = { at: now, value };
    this.entries.set(key, entry);
    // A failed computation is not kept (the callers waiting for it get the error).
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}
