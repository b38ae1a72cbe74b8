import { buildLatchProps, getAuth, type LatchPageProps } from '@latch/nextjs/pages';
import type { GetServerSideProps } from 'next';

interface Props extends LatchPageProps {
  userId: string | null;
}

// The Pages Router: getAuth(req) in getServerSideProps, and buildLatchProps(ctx) for a provider's initialState.
export const getServerSideProps: GetServerSideProps<Props> = async (ctx) => {
  const { userId } = await getAuth(ctx.req);
  return { props: { userId, ...(await buildLatchProps(ctx)) } };
};

export default function PagesRouterPage({ userId, latchState }: Props) {
  return (
    <main>
      <h1>Pages Router</h1>
      <p id="user-id">{userId ?? 'signed out'}</p>
      <p id="session-user">{latchState.initialState.session?.user.firstName ?? 'no session'}</p>
    </main>
  );
}
