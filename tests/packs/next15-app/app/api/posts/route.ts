import { auth } from '@latch/nextjs';

export async function GET() {
  const { userId } = await auth.protect();
  return Response.json({ userId });
}
