/** The accounts the in-browser mock starts with; the page shows them so anyone can sign in. */
export const sessionClaims = { role: '{{user.publicMetadata.role}}' };

export const demoAccounts = [
  // Ada is an admin: the claims template puts `role` in her session token, and the /admin page lets her in.
  { emailAddress: 'ada@example.com', password: 'correct-horse-battery', firstName: 'Ada', lastName: 'Lovelace', publicMetadata: { role: 'admin' } },
  {
    emailAddress: 'grace@example.com',
    password: 'correct-horse-battery',
    firstName: 'Grace',
    lastName: 'Hopper',
    // TOTP is on for Grace: use the backup code, or compute codes from this secret in an authenticator app.
    totpSecret: 'JBSWY3DPEHPK3PXP',
    backupCodes: ['11111111', '22222222'],
  },
];
