/** GitLab's tanuki, in its three oranges. */
export default function GitLabIcon() {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path fill="#E24329" d="M12 22.5 16.4 9H7.6z" />
      <path fill="#FC6D26" d="M12 22.5 7.6 9H1.4zM12 22.5 16.4 9h6.2z" />
      <path fill="#FCA326" d="M1.4 9 .1 13a.9.9 0 0 0 .3 1L12 22.5zM22.6 9l1.3 4a.9.9 0 0 1-.3 1L12 22.5z" />
      <path fill="#E24329" d="M1.4 9h6.2L4.9 1.2a.5.5 0 0 0-.9 0zM22.6 9h-6.2l2.7-7.8a.5.5 0 0 1 .9 0z" />
    </svg>
  );
}
