// An in-memory embedded PostgreSQL (PGlite behind its socket server) in a process of its own, for
// tests without TEST_DATABASE_URL: Jest's module sandbox cannot load PGlite's WebAssembly itself.
// Prints the connection URL on its first line of output; stops when its parent closes stdin.
const { PGlite } = require('@electric-sql/pglite');
const { PGLiteSocketServer } = require('@electric-sql/pglite-socket');

(async () => {
  const db = await PGlite.create('memory://');
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 1 });
  await server.start();
  process.stdout.write(`postgres://postgres:postgres@${server.getServerConn()}/postgres\n`);
  const stop = async () => {
    await server.stop();
    await db.close();
    process.exit(0);
  };
  process.stdin.on('end', stop);
  process.stdin.on('close', stop);
  process.stdin.resume();
  process.on('SIGTERM', stop);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
