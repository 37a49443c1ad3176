import { Injectable, Logger } from '@nestjs/common';
import type { AuthUser } from '../../core/auth/auth-user';
import { AccessService } from '../../core/access/access.service';
import { AuditEntryBody } from './dto/audit-entry.dto';
import { toAuditEntryDto } from './audit.mapper';
import { AuditRecordInput, AuditRepository } from './audit.repository';

/**
 * The security trail: sign-ins, access changes, invitations, memberships. Other modules call
 * `record` (or emit an event this module listens to). Never put a password or token in `details`.
 */
@Injectable()
export class AuditService {
  private readonly logger = new Logger('Audit');

  constructor(
    private readonly repo: AuditRepository,
    private readonly access: AccessService,
  ) {}

  /** Writing the trail must never make the action itself fail: a failure is logged instead. */
  async record(entry: AuditRecordInput): Promise<void> {
    try {
      await this.repo.insert(entry);
    } catch (error) {
      this.logger.error(`Could not record ${entry.action}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async list(user: AuthUser, limit: number, before?: string): Promise<AuditEntryBody[]> {
    this.access.assertProgramme(user, 'read_audit_log');
    const rows = await this.repo.list(limit, before);
    return rows.map(toAuditEntryDto);
  }
}
