import { toUint8Array } from '@passerelle/collab';
import { badRequest, DomainException } from '../../core/errors/domain.exception';

export interface DocumentPayload {
  documentId: string;
}

export interface MessagePayload extends DocumentPayload {
  message: Uint8Array;
}

/** `{documentId}` with a plausible id; anything else is bad_request. */
export function parseDocumentPayload(payload: unknown): DocumentPayload {
  if (typeof payload !== 'object' || payload === null) throw badRequest('The payload must be an object');
  const { documentId } = payload as { documentId?: unknown };
  if (typeof documentId !== 'string' || documentId.length === 0 || documentId.length > 100) {
    throw badRequest('documentId must be a string');
  }
  return { documentId };
}

/** `{documentId, message}` with a binary message of at most `maxBytes` (else too_large). */
export function parseMessagePayload(payload: unknown, maxBytes: number): MessagePayload {
  const { documentId } = parseDocumentPayload(payload);
  const message = toUint8Array((payload as { message?: unknown }).message);
  if (!message) throw badRequest('message must be binary (Uint8Array)');
  if (message.byteLength > maxBytes) {
    throw new DomainException('too_large', `The message is larger than ${maxBytes} bytes`);
  }
  if (message.byteLength === 0) throw badRequest('message is empty');
  return { documentId, message };
}
