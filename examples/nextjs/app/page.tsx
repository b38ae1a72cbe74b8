import { auth } from '@latch/nextjs';
import Link from 'next/link';

export default async function Home() {
  const { userId } = await auth();
  return (
    <>
      <h1>Latch on Next.js</h1>
      <p>{userId ? 'You are signed in.' : 'You are signed out.'}</p>
      <p>
        <Link href="/posts">Your posts</Link> are for signed-in users only; so are <code>/api/posts</code>,{' '}
        <code>/api/users/me</code> and the tRPC procedure <code>myPosts</code>.
      </p>
      <p>Demo account: ada@example.com / correct-horse-battery.</p>
    </>
  );
}
