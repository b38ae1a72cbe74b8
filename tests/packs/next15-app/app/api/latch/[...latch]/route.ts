import { createLatchRouteHandler } from '@latch/nextjs/route-handler';
import { ApiFailure } from '@latch/server';
import { openStore } from '@latch/server/node';

const clockOffsetMs = Number(process.env.LATCH_TEST_SERVER_CLOCK_OFFSET_MS ?? 0);

export const { GET, POST, PATCH, DELETE, OPTIONS } = createLatchRouteHandler({
  store: () => openStore(process.env.LATCH_DATABASE ?? '.latch/latch.db'),
  now: clockOffsetMs ? () => Date.now() + clockOffsetMs : undefined,
  async onReady(server) {
    try {
      await server.admin.createUser({ emailAddress: 'ada@example.com', password: 'correct-horse-battery', firstName: 'Ada' });
    } catch (error) {
      if (!(error instanceof ApiFailure && error.error.code === 'form_identifier_exists')) throw error;
    }
  },
});
