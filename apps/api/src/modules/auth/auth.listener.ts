import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { USER_ACCESS_CHANGED, UserAccessChangedEvent } from '../users/users.events';
import { SessionsRepository } from './sessions.repository';

@Injectable()
export class AuthListener {
  constructor(private readonly sessions: SessionsRepository) {}

  /** A deactivated account keeps no refresh session (refresh also refuses inactive accounts). */
  @OnEvent(USER_ACCESS_CHANGED)
  async onAccessChanged(event: UserAccessChangedEvent): Promise<void> {
    if (!event.active) await this.sessions.deleteAllForUser(event.userId);
  }
}
