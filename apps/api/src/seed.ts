import { createApp } from './bootstrap';

/** `npm run seed`: loads the demo data idempotently, then exits. */
async function seed(): Promise<void> {
  const running = await createApp({ SEED_DEMO: 'true', SERVE_WEB: 'false' });
  await running.close();
  console.log('Demo data loaded.');
}

seed().catch((error: unknown) => {
  console.error('Seeding failed:', error);
  process.exit(1);
});
