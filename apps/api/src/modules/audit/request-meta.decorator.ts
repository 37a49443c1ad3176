import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/** Where a request comes from, for the audit log and refresh sessions. */
export interface ClientMeta {
  ip: string | null;
  userAgent: string | null;
}

export const RequestMeta = createParamDecorator((_data: unknown, ctx: ExecutionContext): ClientMeta => {
  const req = ctx.switchToHttp().getRequest<Request>();
  const userAgent = req.headers['user-agent'];
  return { ip: req.ip ?? null, userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 300) : null };
});
