import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { buildTemplate, defaultTitle, DOCUMENT_KIND_PHASE, toPlainText } from '@passerelle/content';
import {
  LANGUAGES,
  type DocumentAction,
  type DocumentKind,
  type DocumentStatus,
  type Language,
  type Phase,
  type Principal,
} from '@passerelle/domain';
import { isUUID } from 'class-validator';
import { DocumentStore } from '../../collab/storage/document-store';
import { AccessService } from '../../core/access/access.service';
import type { AuthUser } from '../../core/auth/auth-user';
import { badRequest, conflict, forbidden, notFound } from '../../core/errors/domain.exception';
import { DocumentRenderer, RenderedContent } from './content/document-renderer';
import type { ContentFormat } from './dto/content-format.dto';
import type { CreateDocumentDto, DocumentDto, ListDocumentsQuery, UpdateDocumentDto } from './dto/document.dto';
import {
  DOCUMENT_CREATED,
  DOCUMENT_UPDATED,
  type DocumentCreatedEvent,
  type DocumentUpdatedEvent,
} from './documents.events';
import { toDocumentDto, toDocumentListDto } from './documents.mapper';
import { accessScopeKey } from '../../core/access/access-scope';
import { DocumentListCache, etagOf, type SerializedList } from './document-list.cache';
import { CityForDocuments, DocumentListRow, DocumentRecord, DocumentsRepository } from './documents.repository';

/** Everything needed to create a document; `content` replaces the kind's template when given. */
export interface NewDocument {
  programmeId: string;
  cityId: string | null;
  kind: DocumentKind;
  title: string;
  language: Language;
  phase: Phase;
  createdBy: string | null;
  status?: DocumentStatus;
  published?: boolean;
  content?: Uint8Array;
  /** For the template: the city's name in the document's language. */
  cityName?: string;
}

const isLanguage = (value: string): value is Language => (LANGUAGES as readonly string[]).includes(value);

/** The city's name in `language` (its own name when there is no translation). */
export const cityNameIn = (city: CityForDocuments, language: Language): string => city.names[language] ?? city.name;

/** The city's first working language that is also a content language. */
export const cityLanguage = (city: Pick<CityForDocuments, 'languages'>): Language =>
  city.languages.find(isLanguage) ?? 'en';

/**
 * Documents: the rows (title, language, status…) and their lifecycle. Their content is a Yjs
 * document kept by the collaboration store; this service only seeds it, renders it and keeps its
 * searchable text current. Every decision goes through AccessService.
 */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly repo: DocumentsRepository,
    private readonly access: AccessService,
    private readonly store: DocumentStore,
    private readonly renderer: DocumentRenderer,
    private readonly events: EventEmitter2,
    private readonly lists: DocumentListCache,
  ) {}

  toDto(user: Principal, doc: DocumentRecord): DocumentDto {
    return toDocumentDto(doc, this.access.permissions(user, doc));
  }

  /**
   * The documents the user can read, newest change first (one page of them with `limit` / `offset`),
   * as the controller sends them: JSON bytes and their ETag. The bytes last sent for the
   * same access scope and request are sent again when the database confirms, by a fingerprint of
   * every listed column, that the list has not changed (see DocumentListCache); otherwise the list
   * is read and serialized anew.
   */
  async listResponse(user: AuthUser, query: ListDocumentsQuery): Promise<SerializedList> {
    const { cityId, kind, status, published, limit, offset } = query;
    const key = JSON.stringify([accessScopeKey(user), cityId, kind, status, published, limit, offset ?? 0]);
    const cached = this.lists.get(key);
    if (cached) {
      const readable = this.access.readableDocumentsSql(user, 'd', 1);
      const now = await this.repo.listFingerprint(readable, { cityId, kind, status, published });
      if (now === cached.fingerprint) return cached;
    }
    const { rows, fingerprint } = await this.findList(user, query);
    const body = Buffer.from(JSON.stringify(this.toListDtos(user, rows)));
    const list: SerializedList = { body, etag: etagOf(body), fingerprint: fingerprint ?? '' };
    if (fingerprint !== null) this.lists.set(key, list);
    else this.lists.delete(key);
    return list;
  }

  private findList(user: AuthUser, query: ListDocumentsQuery) {
    const readable = this.access.readableDocumentsSql(user, 'd', 1);
    const { cityId, kind, status, published, limit, offset } = query;
    return this.repo.findReadableList(readable, { cityId, kind, status, published }, { limit, offset });
  }

  /**
   * Permissions depend on the user and the document's city, publication and status only, so they
   * are worked out once per combination of those, not once per document.
   */
  private toListDtos(user: AuthUser, rows: DocumentListRow[]): DocumentDto[] {
    const permissions = new Map<string, DocumentAction[]>();
    return rows.map((row) => {
      const key = `${row.cityId}|${row.published}|${row.status}`;
      let allowed = permissions.get(key);
      if (!allowed) permissions.set(key, (allowed = this.access.permissions(user, row)));
      return toDocumentListDto(row, allowed);
    });
  }

  /** The document when `user` may do `action` on it: 404 when it is out of reach (or no such id), 403 otherwise. */
  async getFor(user: Principal, id: string, action: DocumentAction = 'read'): Promise<DocumentRecord> {
    const doc = isUUID(id) ? await this.repo.findById(id) : null;
    if (!doc) throw notFound('Document');
    this.access.assertDocument(user, action, doc);
    return doc;
  }

  /**
   * The document when `user` may change it now: 403 when their role may not edit it, 409 when its
   * status has frozen it (adopted or archived), so the client can tell the two apart.
   */
  async getEditable(user: Principal, id: string): Promise<DocumentRecord> {
    const doc = await this.getFor(user, id, 'read');
    if (!this.access.can(user, 'edit', { cityId: doc.cityId, published: doc.published })) {
      throw forbidden('You may not edit this document');
    }
    if (!this.access.can(user, 'edit', doc)) {
      throw conflict(`This document is ${doc.status}: its content can no longer change`);
    }
    return doc;
  }

  async create(user: AuthUser, dto: CreateDocumentDto): Promise<DocumentDto> {
    const cityId = dto.cityId ?? null;
    const city = cityId ? await this.repo.findCity(cityId) : null;
    if (cityId && !city) throw notFound('City');
    // Creating is writing a new draft of that city: editors of the city and coordinators may.
    const draft = { cityId, published: false, status: 'draft' as const };
    if (!this.access.can(user, 'read', draft)) {
      throw cityId ? notFound('City') : forbidden('Only coordinators may create programme documents');
    }
    if (!this.access.can(user, 'edit', draft) && !this.access.can(user, 'create_version', draft)) {
      throw forbidden('You may not create documents in this city');
    }
    const programmeId = await this.programmeFor(city, dto.programmeId);
    const language = dto.language ?? (city ? cityLanguage(city) : 'en');
    const cityName = city ? cityNameIn(city, language) : undefined;
    const doc = await this.createDocument({
      programmeId,
      cityId,
      kind: dto.kind,
      title: dto.title ?? defaultTitle(dto.kind, language, cityName),
      language,
      phase: DOCUMENT_KIND_PHASE[dto.kind],
      createdBy: user.id,
      cityName,
    });
    return this.toDto(user, doc);
  }

  /**
   * Inserts the row and stores its first content (the kind's template unless `content` is given)
   * as one logical creation: if the content cannot be stored, the row is removed again.
   */
  async createDocument(fields: NewDocument): Promise<DocumentRecord> {
    const { content, cityName, ...row } = fields;
    const initial =
      content ??
      buildTemplate(fields.kind, fields.language, {
        title: fields.title,
        cityName,
        themes: await this.repo.themes(fields.programmeId),
      });
    const doc = await this.repo.insert(row);
    try {
      await this.store.append(doc.id, initial, fields.createdBy);
    } catch (error) {
      await this.repo.delete(doc.id);
      throw error;
    }
    await this.refreshPlainText(doc.id);
    const event: DocumentCreatedEvent = { documentId: doc.id, cityId: doc.cityId, userId: fields.createdBy };
    this.events.emit(DOCUMENT_CREATED, event);
    return (await this.repo.findById(doc.id)) ?? doc;
  }

  async update(user: AuthUser, id: string, dto: UpdateDocumentDto): Promise<DocumentDto> {
    const doc = await this.getEditable(user, id);
    const changes = (['title', 'language'] as const).filter((f) => dto[f] !== undefined && dto[f] !== doc[f]);
    if (changes.length === 0) return this.toDto(user, doc);
    const updated = await this.repo.updateFields(doc.id, { title: dto.title, language: dto.language });
    if (!updated) throw notFound('Document');
    const event: DocumentUpdatedEvent = { documentId: doc.id, userId: user.id, changes: [...changes] };
    this.events.emit(DOCUMENT_UPDATED, event);
    return this.toDto(user, updated);
  }

  /** The current content, rendered from the live Yjs document. */
  async content(user: AuthUser, id: string, format: ContentFormat): Promise<RenderedContent> {
    const doc = await this.getFor(user, id, 'read');
    return this.renderer.render(await this.store.get(doc.id), format, { title: doc.title, language: doc.language });
  }

  /**
   * Writes the searchable text of the current content at once, after a change the server made
   * itself (a restore). The collaboration store also keeps it current after every edit, a moment
   * later; listeners hear of content changes from it ('document.content_changed').
   */
  async refreshPlainText(documentId: string): Promise<void> {
    await this.repo.setPlainText(documentId, toPlainText(await this.store.get(documentId)));
  }

  private async programmeFor(city: CityForDocuments | null, requested: string | undefined): Promise<string> {
    if (city) {
      if (requested && requested !== city.programmeId) {
        throw badRequest('programmeId must be the programme of the city', ['programmeId']);
      }
      return city.programmeId;
    }
    const programmes = await this.repo.programmeIds();
    if (requested) {
      if (!programmes.includes(requested)) throw notFound('Programme');
      return requested;
    }
    if (programmes.length === 1) return programmes[0];
    if (programmes.length === 0) throw conflict('There is no programme to attach the document to');
    throw badRequest('programmeId is required for a programme document when there are several programmes', [
      'programmeId',
    ]);
  }
}
