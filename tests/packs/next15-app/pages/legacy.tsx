import { buildLatchProps, type LatchPageProps } from '@latch/nextjs/pages';
import type { GetServerSideProps } from 'next';

export const getServerSideProps: GetServerSideProps<LatchPageProps> = async (ctx) => ({ props: await buildLatchProps(ctx) });

export default function Legacy({ latchState }: LatchPageProps) {
  return <p id="legacy">{latchState.initialState.session?.user.firstName ?? 'nobody'}</p>;
}
