import { Logger } from '@nestjs/common';
import type { CollabAck, CollabErrorCode } from '@passerelle/collab';
import { COLLAB_ERROR_CODES } from '@passerelle/collab';
import { DomainException } from '../../core/errors/domain.exception';
import { isUnavailable } from '../../core/errors/unavailable';

const logger = new Logger('CollabGateway');

/** The one mapping of errors to socket acknowledgements: a DomainException keeps its code, a lost database is unavailable, anything else is internal. */
export function errorAck(error: unknown): CollabAck & { ok: false } {
  if (error instanceof DomainException) {
    const code = (COLLAB_ERROR_CODES as readonly string[]).includes(error.code)
      ? (error.code as CollabErrorCode)
      : 'bad_request';
    return { ok: false, error: { code, message: error.message } };
  }
  if (isUnavailable(error)) {
    return { ok: false, error: { code: 'unavailable', message: 'The server cannot reach its database; try again' } };
  }
  logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return { ok: false, error: { code: 'internal', message: 'Internal error' } };
}

/** Runs a handler so that it always answers an acknowledgement and never throws into Socket.IO. */
export async function toAck<T extends object>(handler: () => Promise<T> | T): Promise<CollabAck<T>> {
  try {
    const result = await handler();
    return { ok: true, ...result } as CollabAck<T>;
  } catch (error) {
    return errorAck(error) as CollabAck<T>;
  }
}
