export * from './errors';
export * from './routes';
export * from './resources';
export * from './bodies';
export * from './limits';
export * from './redirects';
export * from './admin';
export * from './passkeys';
