import { Injectable, Logger } from '@nestjs/common';
import type { CityAction, Principal } from '@passerelle/domain';
import { AccessService } from '../../core/access/access.service';
import type { AuthUser } from '../../core/auth/auth-user';
import { notFound } from '../../core/errors/domain.exception';
import type { NotificationPage, NotificationsQuery, UnreadCountResponse } from './dto/notification.dto';
import type { NotificationKind } from './notification.entity';
import { NotificationPusher } from './notification-pusher';
import { toNotificationDto } from './notifications.mapper';
import { NotificationsRepository, type ReadScope } from './notifications.repository';

const DEFAULT_LIMIT = 30;

/** A notice to send: to whom (before the access check), about what. */
export interface Notice {
  kind: NotificationKind;
  recipients: Iterable<string>;
  actorId: string | null;
  /** About a document: only its readers get it. */
  documentId?: string | null;
  /** About a city's work and no document: only those who may do `cityAction` there get it. */
  city?: { id: string; action: CityAction };
  threadId?: string | null;
  data?: Record<string, unknown>;
  dedupeKey?: string | null;
  replaces?: NotificationKind[];
}

/**
 * Per-person notifications. Created only here (`send`, from the listener), after checking each
 * recipient against the access table; stored first, then pushed live, best-effort. Reading them
 * filters again by what the person may read now.
 */
@Injectable()
export class NotificationsService {
  private readonly logger = new Logger('Notifications');

  constructor(
    private readonly repo: NotificationsRepository,
    private readonly access: AccessService,
    private readonly pusher: NotificationPusher,
  ) {}

  /** Sends the notice to every recipient allowed to know of it, never to its actor. Returns who got it. */
  async send(notice: Notice): Promise<string[]> {
    const candidates = [...new Set(notice.recipients)].filter((id) => id && id !== notice.actorId);
    if (candidates.length === 0) return [];
    const doc = notice.documentId ? await this.repo.document(notice.documentId) : null;
    if (notice.documentId && !doc) return [];
    const allowed = (person: Principal): boolean => {
      if (doc) return this.access.can(person, 'read', doc);
      if (notice.city) return this.access.canOnCity(person, notice.city.action, notice.city.id);
      return false;
    };
    const recipients = (await this.repo.principals(candidates)).filter(allowed);
    const delivered: string[] = [];
    for (const person of recipients) {
      const row = await this.repo.insert({
        userId: person.id,
        kind: notice.kind,
        documentId: doc?.id ?? null,
        cityId: doc ? null : (notice.city?.id ?? null),
        threadId: notice.threadId ?? null,
        actorId: notice.actorId,
        data: notice.data ?? {},
        dedupeKey: notice.dedupeKey ?? null,
        replaces: notice.replaces ?? [],
      });
      if (!row) continue;
      delivered.push(person.id);
      await this.push(person, () =>
        this.pusher.notification(
          person.id,
          toNotificationDto(row),
          this.repo.unreadCount(person.id, this.scope(person)),
        ),
      );
    }
    return delivered;
  }

  async list(user: AuthUser, query: NotificationsQuery): Promise<NotificationPage> {
    const scope = this.scope(user);
    const rows = await this.repo.list(user.id, scope, {
      unread: query.unread ?? false,
      before: query.before,
      limit: query.limit ?? DEFAULT_LIMIT,
    });
    return { items: rows.map(toNotificationDto), unreadCount: await this.repo.unreadCount(user.id, scope) };
  }

  async markRead(user: AuthUser, id: string): Promise<UnreadCountResponse> {
    if (!/^\d{1,18}$/.test(id) || !(await this.repo.markRead(user.id, id))) throw notFound('Notification');
    return this.afterRead(user, id);
  }

  async markAllRead(user: AuthUser): Promise<UnreadCountResponse> {
    await this.repo.markAllRead(user.id);
    return this.afterRead(user, null);
  }

  /** The person's other tabs and devices update their badge too. */
  private async afterRead(user: AuthUser, id: string | null): Promise<UnreadCountResponse> {
    const unreadCount = await this.repo.unreadCount(user.id, this.scope(user));
    await this.push(user, async () => this.pusher.read(user.id, id, unreadCount));
    return { unreadCount };
  }

  private scope(user: Principal): ReadScope {
    const staff = user.role === 'admin' || user.role === 'coordinator';
    return {
      readableDocuments: this.access.readableDocumentsSql(user, 'd', 1),
      cityIds: staff ? null : user.memberships.map((m) => m.cityId),
    };
  }

  /** The notice is stored already: a push that fails is logged, the client gets it on its next fetch. */
  private async push(person: { id: string }, send: () => Promise<void> | void): Promise<void> {
    try {
      await send();
    } catch (error) {
      this.logger.warn(
        `live delivery to ${person.id} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
