import { Injectable } from '@nestjs/common';
import { AccessService } from '../../core/access/access.service';
import type { AuthUser } from '../../core/auth/auth-user';
import { DocumentsService } from '../documents/documents.service';
import type { ActivityPage, ActivityQuery } from './dto/activity.dto';
import { toActivityEntry } from './activity.mapper';
import { ActivityRepository } from './activity.repository';

const DEFAULT_LIMIT = 30;

/**
 * The programme feed and each city's feed, filtered in SQL by what the reader may read, so that
 * pages stay full: document entries by the document's readability (AccessService), city entries
 * by the city's workspace, calendar entries by taking part in the programme.
 */
@Injectable()
export class ActivityService {
  constructor(
    private readonly repo: ActivityRepository,
    private readonly access: AccessService,
    private readonly documents: DocumentsService,
  ) {}

  async feed(user: AuthUser, query: ActivityQuery): Promise<ActivityPage> {
    // One document's activity: the document itself must be within reach (404 otherwise).
    if (query.documentId) await this.documents.getFor(user, query.documentId, 'read');
    const staff = user.role === 'admin' || user.role === 'coordinator';
    const cityIds = staff
      ? null
      : user.memberships.map((m) => m.cityId).filter((id) => this.access.canOnCity(user, 'view_workspace', id));
    const limit = query.limit ?? DEFAULT_LIMIT;
    const rows = await this.repo.feed(
      { readableDocuments: this.access.readableDocumentsSql(user, 'd', 1), cityIds },
      { cityId: query.cityId, documentId: query.documentId, before: query.before, limit },
    );
    return {
      items: rows.map(toActivityEntry),
      nextBefore: rows.length === limit ? rows[rows.length - 1].id : null,
    };
  }
}
