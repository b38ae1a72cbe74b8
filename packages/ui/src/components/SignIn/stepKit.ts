import type { SignInKit } from './kit';
import { createPart } from '../part';

// Loaded on demand only, like everything that uses it (see ../kit.ts).

/** The kit of SignIn's on-demand steps and slots, which ./extras.tsx and ./startParts.tsx provide (their strings are SignIn's own). */
const part = createPart<SignInKit>();

export const StepKit = part.Root;
export const useStepKit = part.useKit;
