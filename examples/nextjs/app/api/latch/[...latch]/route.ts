import { createLatchRouteHandler } from '@latch/nextjs/route-handler';
import { ApiFailure } from '@latch/server';
import { openStore } from '@latch/server/node';

// The Latch server, inside this app, on SQLite: no second process to run.
const latch = createLatchRouteHandler({
  store: () => openStore(process.env.LATCH_DATABASE ?? '.latch/latch.db'),
  // Development mail: sign-up and sign-in codes are printed here. Use createMailer (SMTP) from @latch/server/node in production.
  mailer: (email) => console.log(`[latch] mail to ${email.to}: ${email.subject}${email.code ? ` (code ${email.code})` : ''}`),
  async onReady(server) {
    try {
      await server.admin.createUser({ emailAddress: 'ada@example.com', password: 'correct-horse-battery', firstName: 'Ada', lastName: 'Lovelace' });
    } catch (error) {
      if (!(error instanceof ApiFailure && error.error.code === 'form_identifier_exists')) throw error; // seeded on an earlier start
    }
  },
});

export const { GET, POST, PATCH, DELETE, OPTIONS } = latch;
