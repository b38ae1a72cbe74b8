import { useSocialKit } from './strings';

/**
 * How a redirect flow leaves for the provider (or comes back): a page on this
 * origin (the mock's consent page, the sso-callback step) through the app's
 * router when it has one, so an in-tab mock backend survives the trip;
 * anything else (a real provider) as a full page load.
 */
export function useLeaveFor(): (url: string) => void {
  const { navigateTo, useNavigate } = useSocialKit();
  const navigate = useNavigate();
  return (url) => (new URL(url, window.location.href).origin === window.location.origin ? navigate(url) : navigateTo(url));
}
