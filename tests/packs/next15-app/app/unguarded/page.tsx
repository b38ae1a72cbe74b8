import { auth } from '@latch/nextjs';

// Left out of the middleware's matcher: auth.protect() cannot know where to send the visitor back.
export default async function UnguardedPage() {
  await auth.protect();
  return <p>unreachable when signed out</p>;
}
