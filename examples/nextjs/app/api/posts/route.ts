import { auth } from '@latch/nextjs';
import { postsOf } from '@/server/posts';

// Only signed-in users get here: proxy.ts protects /api/posts and hands its result over, so nothing is verified twice.
export async function GET() {
  const { userId } = await auth.protect();
  return Response.json({ posts: postsOf(userId) });
}
