import { auth } from '@latch/nextjs';

export default async function Home() {
  const { userId } = await auth();
  return <p>{userId ? 'You are signed in.' : 'You are signed out.'}</p>;
}
