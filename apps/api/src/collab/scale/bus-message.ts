import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** What instances tell each other (see CollabScaleOut). */
export type BusMessage =
  /** An update this instance stored: others apply it to their in-memory copy and forward it to their sockets. */
  | { kind: 'update'; documentId: string; data: Uint8Array }
  /** A presence change of a socket of this instance. */
  | { kind: 'awareness'; documentId: string; data: Uint8Array }
  /** "Send me your sockets' presence in this document" (an instance that just opened it). */
  | { kind: 'awareness-query'; documentId: string }
  /** Re-check the access of this person's connections. */
  | { kind: 'user-access'; userId: string }
  /** Re-check the access of everyone in this document. */
  | { kind: 'document-access'; documentId: string }
  /** "Catch up from storage": after a lost Redis link, whose relayed updates and re-checks may be gone. */
  | { kind: 'catch-up' };

const KINDS = ['update', 'awareness', 'awareness-query', 'user-access', 'document-access', 'catch-up'] as const;

export function encodeBusMessage(instanceId: string, message: BusMessage): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, KINDS.indexOf(message.kind));
  encoding.writeVarString(encoder, instanceId);
  encoding.writeVarString(
    encoder,
    message.kind === 'user-access' ? message.userId : message.kind === 'catch-up' ? '' : message.documentId,
  );
  encoding.writeVarUint8Array(
    encoder,
    message.kind === 'update' || message.kind === 'awareness' ? message.data : new Uint8Array(),
  );
  return encoding.toUint8Array(encoder);
}

export function decodeBusMessage(bytes: Uint8Array): { instanceId: string; message: BusMessage } {
  const decoder = decoding.createDecoder(bytes);
  const kind = KINDS[decoding.readVarUint(decoder)];
  const instanceId = decoding.readVarString(decoder);
  const id = decoding.readVarString(decoder);
  const data = decoding.readVarUint8Array(decoder);
  switch (kind) {
    case 'update':
    case 'awareness':
      return { instanceId, message: { kind, documentId: id, data } };
    case 'awareness-query':
    case 'document-access':
      return { instanceId, message: { kind, documentId: id } };
    case 'user-access':
      return { instanceId, message: { kind, userId: id } };
    case 'catch-up':
      return { instanceId, message: { kind } };
    default:
      throw new Error('unknown bus message');
  }
}
