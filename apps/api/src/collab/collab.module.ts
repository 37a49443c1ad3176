import { Module } from '@nestjs/common';
import { CollabOptions } from './collab.options';
import { AccessWatcher } from './gateway/access-watcher';
import { CollabGateway } from './gateway/collab.gateway';
import { CollabRooms } from './gateway/collab-rooms';
import { CollabScaleOut } from './scale/collab-scale-out';
import { CollabRepository } from './storage/collab.repository';
import { DocumentStore } from './storage/document-store';
import { PlainTextIndexer } from './storage/plain-text.indexer';

/**
 * Real-time collaboration: the document store (storage, in-memory documents, compaction,
 * eviction, searchable text), the Socket.IO gateway on `/collab` with its rooms and access
 * re-checks, and scale-out over Redis. Other modules use only `DocumentStore`.
 */
@Module({
  providers: [
    CollabOptions,
    CollabRepository,
    DocumentStore,
    PlainTextIndexer,
    CollabScaleOut,
    CollabRooms,
    AccessWatcher,
    CollabGateway,
  ],
  exports: [DocumentStore],
})
export class CollabModule {}
