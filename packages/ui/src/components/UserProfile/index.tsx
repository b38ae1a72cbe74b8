import { lazy, Suspense, type ReactNode } from 'react';
import { RedirectToSignIn, useUser } from '@latch/react';
import {
  Card,
  ComponentRoot,
  Header,
  Main,
  Spinner,
  useElement,
  useEmailLinkToken,
  useFlowRouter,
  useLocalization,
  useNavigate,
  type ComponentBaseProps,
  type RoutingProps,
} from '../../foundation';
import { AccountPage } from './AccountPage';
import { Navbar, type ProfilePage } from './Navbar';
import { profileKit } from './profileKit';
import { ReverificationBoundary } from './Reverification';
import { SecurityPage } from './SecurityPage';
import { useEnvironment } from './useEnvironment';
import css from '../../styles/userProfile.css?raw';
import { signIn } from '../../localization/en-US/signIn';
import { userProfile } from '../../localization/en-US/userProfile';

// The page an emailed link opens (verifying an added address) loads on demand.
const EmailLinkVerify = /* @__PURE__ */ lazy(() => import('../EmailLink/userProfile').then((m) => ({ default: m.ProfileLinkVerify })));

/**
 * This component's English, under any translation (a page ships only the
 * strings of the components it renders), with the sign-in strings its
 * "Confirm it's you" step reuses. Built in a pure function, so that a bundle
 * without UserProfile drops it.
 */
const strings = /* @__PURE__ */ (() => ({ userProfile, signIn: { secondFactor: signIn.secondFactor, emailCode: signIn.emailCode } }))();

export interface UserProfileProps extends ComponentBaseProps, RoutingProps {
  /**
   * What to show when nobody is signed in. Without it the visitor is sent to
   * `signInUrl`, with `redirect_url` set to come back here afterwards.
   */
  fallback?: ReactNode;
  /** Where the sign-in page lives when there is no `fallback`; default '/sign-in'. */
  signInUrl?: string;
}

/**
 * The signed-in user's account: an Account page (picture, names, username,
 * email addresses) and a Security page (password, two-step verification,
 * devices, account deletion). With `routing="path"` and `path="/user"` the
 * pages live at /user and /user/security; 'hash' uses #/security; 'virtual'
 * (the default) keeps the page in memory, as inside UserButton's dialog.
 * Signed out, it renders `fallback`, or without one goes to sign-in (as Clerk's does).
 */
export function UserProfile({ routing, path, appearance, localization, fallback, signInUrl }: UserProfileProps) {
  return (
    <ComponentRoot component="userProfile" appearance={appearance} localization={localization} stylesheet={css} strings={strings}>
      <Profile routing={routing} path={path} fallback={fallback} signInUrl={signInUrl} />
    </ComponentRoot>
  );
}

function Profile({ routing, path, fallback, signInUrl }: RoutingProps & Pick<UserProfileProps, 'fallback' | 'signInUrl'>) {
  const { isLoaded, user } = useUser();
  const { t } = useLocalization();
  const environment = useEnvironment();
  const router = useFlowRouter({ routing, path, initial: 'account' });
  const page: ProfilePage = router.step === 'security' ? 'security' : 'account';
  const pageProps = useElement('profilePage');
  const navigate = useNavigate();
  const linkToken = useEmailLinkToken();

  const loading = (
    <Card>
      <div role="status">
        <Spinner />
      </div>
    </Card>
  );
  if (!isLoaded) return loading;
  // Before the signed-out check: an address can be verified in a browser that is not signed in.
  if (linkToken) {
    return (
      <Suspense fallback={loading}>
        <EmailLinkVerify kit={profileKit} token={linkToken} applicationName={environment?.applicationName} />
      </Suspense>
    );
  }
  if (!user) return fallback !== undefined ? <>{fallback}</> : <RedirectToSignIn signInUrl={signInUrl} navigate={navigate} />;

  const applicationName = environment?.applicationName;
  return (
    <Card applicationName={applicationName}>
      <Navbar page={page} routing={routing} path={path} onNavigate={(next) => router.navigate(next)} />
      <div {...pageProps}>
        <Header
          title={t(`userProfile.${page}.title`)}
          subtitle={t(`userProfile.${page}.subtitle`)}
          focusKey={page}
          applicationName={applicationName}
        />
        {/* A key per page and account, so a half-filled form never lingers into another page or account. */}
        <Main key={`${user.id}:${page}`}>
          <ReverificationBoundary>{page === 'security' ? <SecurityPage user={user} /> : <AccountPage user={user} />}</ReverificationBoundary>
        </Main>
      </div>
    </Card>
  );
}
