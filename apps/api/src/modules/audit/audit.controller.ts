import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../core/auth/auth-user';
import { CurrentUser } from '../../core/auth/decorators';
import { AuditService } from './audit.service';
import { AuditEntryBody, AuditQueryDto } from './dto/audit-entry.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** The audit trail, newest first (admins only). */
  @Get()
  @ApiOkResponse({ type: [AuditEntryBody] })
  @ApiForbiddenResponse({ description: 'Not an admin' })
  list(@CurrentUser() user: AuthUser, @Query() query: AuditQueryDto): Promise<AuditEntryBody[]> {
    return this.audit.list(user, query.limit ?? 50, query.before);
  }
}
