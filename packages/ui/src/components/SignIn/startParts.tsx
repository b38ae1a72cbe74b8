import type { StartSlotProps } from './Extra';
import type { SignInKit } from './kit';
import { Social, StartBottom } from './slots';
import { StepKit } from './stepKit';

/**
 * The start step's provider buttons and passkey button, loaded on demand on
 * an instance that has them: a chunk apart from the later steps (./extras.tsx),
 * so the start step waits for no more than it shows.
 */
export default function SignInStartParts({ kit, at, busy = false }: StartSlotProps & { kit: SignInKit }) {
  return <StepKit kit={kit}>{at === 'top' ? <Social placement="top" /> : <StartBottom busy={busy} />}</StepKit>;
}
