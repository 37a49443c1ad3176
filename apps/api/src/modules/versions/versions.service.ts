import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { LIMITS } from '@passerelle/domain';
import { isUUID } from 'class-validator';
import * as Y from 'yjs';
import { DocumentStore } from '../../collab/storage/document-store';
import type { AuthUser } from '../../core/auth/auth-user';
import { notFound } from '../../core/errors/domain.exception';
import { DocumentRenderer, RenderedContent } from '../documents/content/document-renderer';
import type { ContentFormat } from '../documents/dto/content-format.dto';
import { DocumentsService } from '../documents/documents.service';
import type { VersionReason } from './document-version.entity';
import { RestoreResultDto, toVersionDto, VersionDto } from './dto/version.dto';
import { docFromState, replaceContent } from './restore-content';
import { VERSION_CREATED, VERSION_RESTORED, VersionCreatedEvent, VersionRestoredEvent } from './versions.events';
import { VersionsRepository } from './versions.repository';

/**
 * Named, immutable snapshots of a document's content. Restoring one is a new change on top of
 * the history (saved first as a version of its own), never a rewrite of it.
 */
@Injectable()
export class VersionsService {
  constructor(
    private readonly repo: VersionsRepository,
    private readonly documents: DocumentsService,
    private readonly store: DocumentStore,
    private readonly renderer: DocumentRenderer,
    private readonly events: EventEmitter2,
  ) {}

  /**
   * Snapshots the current content. No access check: for callers that already decided (the
   * review workflow on submit and adoption, and the routes below).
   */
  async createVersion(
    documentId: string,
    label: string,
    reason: VersionReason,
    userId: string | null,
  ): Promise<VersionDto> {
    const data = Y.encodeStateAsUpdate(await this.store.get(documentId));
    const version = await this.repo.insert({
      documentId,
      label: label.slice(0, LIMITS.titleMaxLength),
      reason,
      data,
      createdBy: userId,
    });
    const event: VersionCreatedEvent = { documentId, versionId: version.id, reason, userId };
    this.events.emit(VERSION_CREATED, event);
    return toVersionDto(version);
  }

  async list(user: AuthUser, documentId: string): Promise<VersionDto[]> {
    const doc = await this.documents.getFor(user, documentId, 'read');
    return (await this.repo.listForDocument(doc.id)).map(toVersionDto);
  }

  async create(user: AuthUser, documentId: string, label: string): Promise<VersionDto> {
    const doc = await this.documents.getFor(user, documentId, 'create_version');
    return this.createVersion(doc.id, label, 'manual', user.id);
  }

  async get(user: AuthUser, documentId: string, versionId: string): Promise<VersionDto> {
    const doc = await this.documents.getFor(user, documentId, 'read');
    const version = isUUID(versionId) ? await this.repo.findOne(doc.id, versionId) : null;
    if (!version) throw notFound('Version');
    return toVersionDto(version);
  }

  async content(
    user: AuthUser,
    documentId: string,
    versionId: string,
    format: ContentFormat,
  ): Promise<RenderedContent> {
    const doc = await this.documents.getFor(user, documentId, 'read');
    const state = await this.stateOf(doc.id, versionId);
    return this.renderer.renderState(state, format, { title: doc.title, language: doc.language });
  }

  /**
   * Brings a version's content back as a new change that every open editor receives live. The
   * content it replaces is kept first as a version (reason `restore`), so nothing is lost.
   */
  async restore(user: AuthUser, documentId: string, versionId: string): Promise<RestoreResultDto> {
    const doc = await this.documents.getEditable(user, documentId);
    const version = isUUID(versionId) ? await this.repo.findOne(doc.id, versionId) : null;
    if (!version) throw notFound('Version');
    const source = docFromState(await this.stateOf(doc.id, versionId));
    try {
      const backup = await this.createVersion(doc.id, `Before restore of “${version.label}”`, 'restore', user.id);
      await this.store.change(doc.id, user.id, (live) => replaceContent(live, source));
      await this.documents.refreshPlainText(doc.id);
      const event: VersionRestoredEvent = {
        documentId: doc.id,
        versionId: version.id,
        backupVersionId: backup.id,
        userId: user.id,
      };
      this.events.emit(VERSION_RESTORED, event);
      return { restored: toVersionDto(version), backup };
    } finally {
      source.destroy();
    }
  }

  private async stateOf(documentId: string, versionId: string): Promise<Uint8Array> {
    const state = isUUID(versionId) ? await this.repo.findData(documentId, versionId) : null;
    if (!state) throw notFound('Version');
    return state;
  }
}
