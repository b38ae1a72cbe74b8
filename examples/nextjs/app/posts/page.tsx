import { auth, currentUser } from '@latch/nextjs';
import { postsOf } from '@/server/posts';

// proxy.ts sends signed-out visitors to /sign-in?redirect_url=/posts before this renders.
export default async function PostsPage() {
  const { userId } = await auth.protect();
  const user = await currentUser();
  return (
    <>
      <h1>Posts by {user?.firstName ?? 'you'}</h1>
      <ul>
        {postsOf(userId).map((post) => (
          <li key={post.id}>{post.title}</li>
        ))}
      </ul>
    </>
  );
}
