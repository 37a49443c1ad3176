import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { ErrorBody, ErrorCode } from '@passerelle/domain';
import { DomainException } from './domain.exception';
import { isUnavailable } from './unavailable';

const codeForStatus: Record<number, ErrorCode> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'too_large',
  429: 'rate_limited',
  503: 'unavailable',
};

/** Maps every error to `{statusCode, code, message}`; never leaks a stack trace or an internal message. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode === 503)
      this.logger.warn(`unavailable: ${exception instanceof Error ? exception.message : String(exception)}`);
    else if (body.statusCode >= 500)
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    if (!response.headersSent) response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainException) {
      return {
        statusCode: exception.status,
        code: exception.code,
        message: exception.message,
        fields: exception.fields,
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const res = exception.getResponse();
      let message = exception.message;
      if (typeof res === 'object' && res !== null && 'message' in res) {
        const m = (res as { message: unknown }).message;
        message = Array.isArray(m) ? m.join('; ') : String(m);
      }
      if (status === 429) message = 'Too many requests, try again later';
      // A server-side failure says nothing of its cause (the log has it).
      if (status >= 500) message = status === 503 ? 'Service unavailable' : 'Internal server error';
      return {
        statusCode: status,
        code: codeForStatus[status] ?? (status >= 500 ? 'internal' : 'bad_request'),
        message,
      };
    }
    const bodyError = exception as { type?: string; status?: unknown; expose?: unknown; message?: unknown };
    if (bodyError?.type === 'entity.too.large') {
      return { statusCode: 413, code: 'too_large', message: 'Request body is too large' };
    }
    // Invalid JSON never gets here: Nest turns the parser's SyntaxError into a BadRequestException
    // quoting the body, so bootstrap.ts answers it right after the parser.
    // Other refusals of the body parser (an unknown or corrupt Content-Encoding, a bad charset) are
    // the client's fault; `expose` marks http-errors whose message is meant for the client.
    if (
      typeof bodyError?.status === 'number' &&
      bodyError.status >= 400 &&
      bodyError.status < 500 &&
      bodyError.expose
    ) {
      return {
        statusCode: bodyError.status,
        code: codeForStatus[bodyError.status] ?? 'bad_request',
        message: typeof bodyError.message === 'string' ? bodyError.message : 'Bad request',
      };
    }
    if (isUnavailable(exception)) {
      return { statusCode: 503, code: 'unavailable', message: 'The service is temporarily unavailable, try again' };
    }
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, code: 'internal', message: 'Internal server error' };
  }
}
