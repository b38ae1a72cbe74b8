import { getAuth } from '@latch/nextjs/pages';
import type { NextApiRequest, NextApiResponse } from 'next';

// The Pages Router: getAuth(req) in an API route.
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const { userId, sessionId } = await getAuth(req);
  res.status(userId ? 200 : 401).json({ userId, sessionId });
}
