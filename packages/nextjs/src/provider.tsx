import type { ReactNode } from 'react';
import { initialAuthState } from './app-router';
// Its own entry, kept external by the build, so its 'use client' survives.
import { AppRouterLatchProvider, type LatchProviderProps as ClientProviderProps } from './client.js';

export type LatchProviderProps = Omit<ClientProviderProps, 'frontendApi' | 'initialState' | 'secure' | 'navigate' | 'onSessionChange'> & {
  children?: ReactNode;
};

/**
 * The App Router's provider, for the root layout: a server component that
 * reads who is signed in and hands it to the browser's client as
 * `initialState`, so the first HTML is already signed in or out (no loading
 * flash, and hydration matches it). Makes the pages under it dynamic.
 */
export async function LatchProvider(props: LatchProviderProps) {
  const { frontendApi, secure, initialState } = await initialAuthState();
  return <AppRouterLatchProvider {...props} frontendApi={frontendApi} secure={secure} initialState={initialState} />;
}
