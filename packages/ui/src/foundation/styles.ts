import base from '../styles/latch.css?raw';
import signIn from '../styles/signIn.css?raw';
import signUp from '../styles/signUp.css?raw';
import userButton from '../styles/userButton.css?raw';
import userProfile from '../styles/userProfile.css?raw';

/**
 * The whole stylesheet, one string: the same text as dist/styles.css (the
 * build concatenates these files in this order, listed again in
 * tsup.config.ts).
 */
export const latchCss = [base, signIn, signUp, userProfile, userButton].join('\n');
