import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { appRouter, createLatchContext } from '@/server/trpc';

const handler = (req: Request) =>
  fetchRequestHandler({ endpoint: '/api/trpc', req, router: appRouter, createContext: ({ req }) => createLatchContext({ req }) });

export { handler as GET, handler as POST };
