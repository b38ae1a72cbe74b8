export interface Post {
  id: string;
  title: string;
}

// The demo's data: each user's own posts, by user id, kept in memory.
const postsByUser = new Map<string, Post[]>();

export function postsOf(userId: string): Post[] {
  let posts = postsByUser.get(userId);
  if (!posts) {
    posts = [
      { id: `${userId}-1`, title: 'Notes on the Analytical Engine' },
      { id: `${userId}-2`, title: 'A plan for Bernoulli numbers' },
    ];
    postsByUser.set(userId, posts);
  }
  return posts;
}
