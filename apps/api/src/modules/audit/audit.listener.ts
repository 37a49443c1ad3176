import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { MEMBERSHIP_CHANGED, MembershipChangedEvent } from '../cities/membership-events';
import { AuditService } from './audit.service';

/** Changes made elsewhere that belong in the trail, heard as domain events. */
@Injectable()
export class AuditListener {
  constructor(private readonly audit: AuditService) {}

  @OnEvent(MEMBERSHIP_CHANGED)
  async onMembershipChanged(event: MembershipChangedEvent): Promise<void> {
    await this.audit.record({
      actorId: event.actorId,
      action: 'membership.changed',
      targetType: 'user',
      targetId: event.userId,
      details: { cityId: event.cityId, role: event.role, previousRole: event.previousRole ?? null },
    });
  }
}
