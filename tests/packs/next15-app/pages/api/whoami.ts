import { getAuth } from '@latch/nextjs/pages';
import type { NextApiRequest, NextApiResponse } from 'next';

export default async function whoami(req: NextApiRequest, res: NextApiResponse) {
  res.json(await getAuth(req).then(({ userId }) => ({ userId })));
}
