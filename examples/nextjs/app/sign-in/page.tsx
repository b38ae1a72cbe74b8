import { SignIn } from '@latch/ui';

export default function SignInPage() {
  // A `redirect_url` from the middleware wins over afterSignInUrl.
  return <SignIn afterSignInUrl="/posts" signUpUrl="/sign-up" />;
}
