import { createContext, useContext } from 'react';
import type { SignInKit } from './kit';

// Loaded on demand only, like everything that uses it (see ../kit.ts).

/** The kit of SignIn's on-demand steps and slots, which ./extras.tsx provides. */
export const StepKitContext = createContext<SignInKit | null>(null);

export function useStepKit(): SignInKit {
  return useContext(StepKitContext)!;
}
