import { auth, currentUser } from '@latch/nextjs';

export default async function PostsPage() {
  const { userId } = await auth.protect();
  const user = await currentUser();
  return <h1 data-user={userId}>Posts by {user?.firstName}</h1>;
}
