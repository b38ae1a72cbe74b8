import { auth } from '@latch/nextjs';

// auth() on the edge runtime, with no middleware in front (the matcher leaves /unguarded… out):
// it verifies the session cookie itself, and checks it for revocation over HTTP.
export const runtime = 'edge';

export async function GET() {
  const { userId } = await auth();
  return Response.json({ userId, runtime: (globalThis as { EdgeRuntime?: string }).EdgeRuntime ? 'edge' : 'nodejs' });
}
