import { CollabEvent, readSyncMessage, syncStep2, toUint8Array } from '@passerelle/collab';
import { Server } from 'socket.io';
import * as Y from 'yjs';

/**
 * The floor: a dumb Socket.IO relay speaking just enough of the collaboration socket (join, an
 * empty step 2, broadcast of updates to the room, immediate acks). No storage, no state, no checks.
 */
const port = Number(process.env.PORT);
const io = new Server(port, { serveClient: false, transports: ['websocket'] });
const emptyStep2 = syncStep2(new Y.Doc());
type Ack = (res: { ok: boolean }) => void;

io.of('/collab').on('connection', (socket) => {
  socket.on(CollabEvent.join, (payload: { documentId: string }, ack: Ack) => {
    void socket.join(payload.documentId);
    ack({ ok: true });
  });
  socket.on(CollabEvent.sync, (payload: { documentId: string; message: unknown }, ack: Ack) => {
    const message = readSyncMessage(toUint8Array(payload.message)!);
    if (message.type === 'step1')
      socket.emit(CollabEvent.sync, { documentId: payload.documentId, message: emptyStep2 });
    else if (message.type === 'update') socket.to(payload.documentId).emit(CollabEvent.sync, payload);
    ack({ ok: true });
  });
});
