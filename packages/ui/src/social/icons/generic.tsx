/** Any other OpenID Connect or OAuth 2.0 provider: a key, in the text colour. */
export default function GenericProviderIcon() {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <g fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
        <circle cx="7" cy="12" r="4" />
        <path d="M11 12h11M18 12v3M21 12v2" />
      </g>
    </svg>
  );
}
