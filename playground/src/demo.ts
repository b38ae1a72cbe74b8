/** The accounts the in-browser mock starts with; the page shows them so anyone can sign in. */
export const demoAccounts = [
  { emailAddress: 'ada@example.com', password: 'correct-horse-battery', firstName: 'Ada', lastName: 'Lovelace' },
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
