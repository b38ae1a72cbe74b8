import { SignUp } from '@latch/ui';

export default function SignUpPage() {
  return <SignUp afterSignUpUrl="/posts" signInUrl="/sign-in" />;
}
