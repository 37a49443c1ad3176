import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';

/** The documents list as sent: the JSON bytes, their ETag, and the fingerprint of what they show. */
export interface SerializedList {
  body: Buffer;
  etag: string;
  fingerprint: string;
}

/** A weak ETag of the bytes, written as Express writes its own. */
export const etagOf = (body: Buffer): string =>
  `W/"${body.length.toString(16)}-${createHash('sha1').update(body).digest('base64').slice(0, 27)}"`;

/**
 * The last documents lists sent, as bytes, by access scope and request. An entry is only ever
 * used after the database has confirmed, by the fingerprint of what the list shows
 * (DocumentsRepository.listFingerprint), that the list is still exactly the same: nothing is
 * served stale, on any instance, however the documents changed. What it saves is the server's work
 * on every row of a long list (reading, mapping, serializing: ~30 ms for 3,000 documents).
 */
@Injectable()
export class DocumentListCache {
  /** Bytes kept at most, over every entry (the least recently used go first). */
  maxBytes = 32 * 1024 * 1024;

  private readonly entries = new Map<string, SerializedList>();
  private bytes = 0;

  get size(): number {
    return this.entries.size;
  }

  get(key: string): SerializedList | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      // Most recently used last.
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, entry: SerializedList): void {
    this.delete(key);
    if (entry.body.length > this.maxBytes) return;
    this.entries.set(key, entry);
    this.bytes += entry.body.length;
    for (const [oldest, old] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= old.body.length;
    }
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.body.length;
  }
}
