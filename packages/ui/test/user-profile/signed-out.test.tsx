// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import { LatchProvider } from '@latch/react';
import { UserProfile } from '@latch/ui';
import { signedInClient } from '../mock-backend';
import { serveMockBackend } from './harness';

const { backend } = serveMockBackend();
const navigate = vi.fn();
afterEach(() => navigate.mockReset());

/** A loaded client with nobody signed in. */
const signedOutClient = () => signedInClient(backend);

describe('<UserProfile/> with nobody signed in', () => {
  it('goes to sign-in, with a redirect_url back to the profile', async () => {
    window.history.replaceState(null, '', '/user/security');
    const client = await signedOutClient();
    await act(async () => {
      render(
        <LatchProvider client={client} navigate={navigate}>
          <UserProfile routing="path" path="/user" />
        </LatchProvider>,
      );
    });
    expect(navigate).toHaveBeenCalledExactlyOnceWith('/sign-in?redirect_url=%2Fuser%2Fsecurity');
    expect(screen.queryByRole('navigation')).toBeNull();
  });

  it('uses signInUrl when given', async () => {
    const client = await signedOutClient();
    await act(async () => {
      render(
        <LatchProvider client={client} navigate={navigate}>
          <UserProfile signInUrl="/login" />
        </LatchProvider>,
      );
    });
    expect(navigate).toHaveBeenCalledOnce();
    expect(navigate.mock.calls[0]![0]).toMatch(/^\/login\?redirect_url=/);
  });

  it('renders fallback instead, and stays', async () => {
    const client = await signedOutClient();
    await act(async () => {
      render(
        <LatchProvider client={client} navigate={navigate}>
          <UserProfile fallback={<p>Please sign in to manage your account.</p>} />
        </LatchProvider>,
      );
    });
    expect(screen.getByText('Please sign in to manage your account.')).toBeTruthy();
    expect(navigate).not.toHaveBeenCalled();
  });
});
