import type { AuditEntryBody } from './dto/audit-entry.dto';
import type { AuditRow } from './audit.repository';

export const toAuditEntryDto = (row: AuditRow): AuditEntryBody => ({
  id: row.id,
  action: row.action,
  actorId: row.actorId,
  actorName: row.actorName,
  targetType: row.targetType,
  targetId: row.targetId,
  details: row.details,
  ip: row.ip,
  createdAt: new Date(row.createdAt).toISOString(),
});
