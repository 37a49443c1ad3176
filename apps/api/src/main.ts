import { Logger } from '@nestjs/common';
import { createApp } from './bootstrap';
import { ConfigError } from './core/config/config';
import { DEMO_USERS } from './modules/seed/demo-users';

/** Time to store and acknowledge pending changes before the sockets are closed. */
const DRAIN_TIMEOUT_MS = 10_000;
/** Past this the process exits whatever it is waiting for (below compose's 30 s stop_grace_period). */
const SHUTDOWN_TIMEOUT_MS = 25_000;

async function main(): Promise<void> {
  const logger = new Logger('Passerelle');
  const running = await createApp();
  const { app, config } = running;
  await app.listen(config.PORT, '0.0.0.0');
  logger.log(`Passerelle is running on ${config.publicUrl} (API under /api, OpenAPI at /api/docs)`);
  if (config.seedDemo) {
    logger.log(`Demo sign-ins (password "${config.DEMO_PASSWORD}"): ${DEMO_USERS.map((u) => u.email).join(', ')}`);
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      // A second signal (Ctrl-C twice): the operator does not want to wait.
      logger.warn(`${signal} received again: exiting now`);
      process.exit(1);
    }
    stopping = true;
    logger.log(`${signal} received: draining (readiness is now 503), then closing`);
    setTimeout(() => {
      logger.error(`shutdown took longer than ${SHUTDOWN_TIMEOUT_MS} ms: exiting`);
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS).unref();
    try {
      await running.close({ drainTimeoutMs: DRAIN_TIMEOUT_MS });
    } catch (error) {
      logger.error(`shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    }
    logger.log('closed');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('Passerelle failed to start:', error);
  }
  process.exit(1);
});
