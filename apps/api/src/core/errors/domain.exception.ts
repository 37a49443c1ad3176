import { ErrorCode, httpStatusOf } from '@passerelle/domain';

/**
 * The one exception type of the server's own making: a code from the shared registry and a
 * message for people. The HTTP filter and the socket wrapper both map it.
 */
export class DomainException extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: string[],
  ) {
    super(message);
  }
  get status(): number {
    return httpStatusOf(this.code);
  }
}

export const notFound = (what: string) => new DomainException('not_found', `${what} not found`);
export const forbidden = (message = 'You are not allowed to do this') => new DomainException('forbidden', message);
export const conflict = (message: string) => new DomainException('conflict', message);
export const badRequest = (message: string, fields?: string[]) =>
  new DomainException(fields ? 'validation_failed' : 'bad_request', message, fields);
export const unauthorized = (message = 'Authentication required') => new DomainException('unauthorized', message);
