// oidc-provider ships no types; the tests use a small part of it (see test-idp.ts).
declare module 'oidc-provider';
