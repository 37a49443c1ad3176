export type LiveHandlers = Record<string, (payload: never) => void>;

export interface LiveSubscription {
  /** Called on every (re)connection: what was pushed while disconnected is not replayed, so refetch then. */
  onConnect?: () => void;
  handlers: LiveHandlers;
}

/**
 * Listens to events of the `/live` socket on the page's one shared connection (the comments
 * feature's `acquireLiveSocket`). It is imported on demand: the bell sits in the header of every
 * page, and socket.io-client must not weigh on the first screen. Returns the function that ends
 * the subscription.
 */
export function subscribeLive({ onConnect, handlers }: LiveSubscription): () => void {
  let ended = false;
  let stop = () => {};
  void import('../comments/liveSocket').then(({ acquireLiveSocket }) => {
    if (ended) return;
    const { socket, release } = acquireLiveSocket();
    const entries = Object.entries(handlers) as Array<[string, (payload: unknown) => void]>;
    const connected = () => onConnect?.();
    socket.on('connect', connected);
    for (const [event, handler] of entries) socket.on(event, handler);
    if (socket.connected) connected();
    stop = () => {
      socket.off('connect', connected);
      for (const [event, handler] of entries) socket.off(event, handler);
      release();
    };
  });
  return () => {
    ended = true;
    stop();
  };
}
