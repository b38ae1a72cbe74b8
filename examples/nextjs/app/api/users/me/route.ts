import { auth, currentUser } from '@latch/nextjs';

// Not covered by a route matcher: auth.protect() itself answers a signed-out caller with 401.
export async function GET() {
  const { userId } = await auth.protect();
  const user = await currentUser();
  return Response.json({ id: userId, firstName: user?.firstName ?? null, lastName: user?.lastName ?? null });
}
