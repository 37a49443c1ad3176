import { BusMessage, decodeBusMessage, encodeBusMessage } from './bus-message';

describe('bus messages', () => {
  it.each<BusMessage>([
    { kind: 'update', documentId: 'd1', data: new Uint8Array([1, 2, 3]) },
    { kind: 'awareness', documentId: 'd2', data: new Uint8Array([4]) },
    { kind: 'awareness-query', documentId: 'd3' },
    { kind: 'user-access', userId: 'u1' },
    { kind: 'document-access', documentId: 'd4' },
    { kind: 'catch-up' },
  ])('round-trips %j', (message) => {
    expect(decodeBusMessage(encodeBusMessage('instance-1', message))).toEqual({ instanceId: 'instance-1', message });
  });

  it('refuses garbage', () => {
    expect(() => decodeBusMessage(new Uint8Array([9, 1, 65]))).toThrow();
  });
});
