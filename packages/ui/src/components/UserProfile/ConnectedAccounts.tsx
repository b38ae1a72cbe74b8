import { useId, useRef, useState } from 'react';
import type { OAuthStrategy } from '@latch/protocol';
import type { ExternalAccount, User } from '@latch/react';
import { pendingStrategy, setPendingStrategy } from '../../social/pendingStrategy';
import { ProviderIcon } from '../../social/ProviderIcon';
import type { SocialProvider } from '../../social/providers';
import { SocialPart } from '../../social/strings';
import { useRedirectCallback } from '../../social/useRedirectCallback';
import { useLeaveFor } from '../../social/useLeaveFor';
import type { ProfileKit } from './profileKit';

/** The one thing open at a time: the provider list to connect one, or a row's removal. */
type Mode = { kind: 'idle' } | { kind: 'connect' } | { kind: 'remove'; id: string };
const idle: Mode = { kind: 'idle' };

/**
 * UserProfile → Account → "Connected accounts", loaded on demand: each
 * linked provider account with its email, "Reconnect" when the provider no
 * longer accepts it, and "Remove" (refused, with the reason, when it is the
 * last way to sign in); "Connect account" runs the provider's consent and
 * comes back to this page, which finishes the link. Adding and removing ask
 * "Confirm it's you" first when the last verification is old.
 */
export default function ConnectedAccounts({ user, kit }: { user: User; kit: ProfileKit }) {
  return (
    <SocialPart kit={kit}>
      <Accounts user={user} kit={kit} />
    </SocialPart>
  );
}

/** Where a provider sends the browser back after connecting: this page, which spots the answer in its query. */
function returnUrl(): string {
  return window.location.origin + window.location.pathname;
}

function Accounts({ user, kit }: { user: User; kit: ProfileKit }) {
  const { Section, SectionStatus, PanelActions, ActionButton, useElement } = kit;
  const { t } = kit.useLocalization();
  const providers = kit.useEnvironment()?.oauthProviders ?? [];
  const nameOf = (id: string) => providers.find((p) => p.id === id)?.name ?? id;
  const [mode, setMode] = useState<Mode>(idle);
  const [status, setStatus] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const connectButton = useRef<HTMLButtonElement>(null);
  const focusLater = kit.useFocusLater();
  const list = useElement('profileSectionList');
  const text = useElement('profileSectionText');
  const connected = new Set(user.externalAccounts.map((account) => account.provider));
  const connectable = providers.filter((p) => !connected.has(p.id));
  const [returning] = useState(kit.isSsoCallback);

  const close = (message: string | null = null) => {
    setMode(idle);
    setStatus(message);
  };

  return (
    <Section title={t('social.connected.title')} headingRef={heading}>
      {returning && <ConnectCallback kit={kit} onConnected={(provider) => setStatus(t('social.connected.connected', { provider: nameOf(provider) }))} />}
      {user.externalAccounts.length === 0 ? (
        <p {...text}>{t('social.connected.none')}</p>
      ) : (
        <ul {...list}>
          {user.externalAccounts.map((account) => (
            <AccountItem
              key={account.id}
              kit={kit}
              account={account}
              provider={providers.find((p) => p.id === account.provider)}
              name={nameOf(account.provider)}
              removing={mode.kind === 'remove' && mode.id === account.id}
              onRemove={() => {
                setStatus(null);
                setMode({ kind: 'remove', id: account.id });
              }}
              onCancel={() => close()}
              onRemoved={() => {
                close(t('social.connected.removed', { provider: nameOf(account.provider) }));
                focusLater(() => heading.current);
              }}
            />
          ))}
        </ul>
      )}
      {mode.kind === 'connect' ? (
        <ConnectPanel
          kit={kit}
          providers={connectable}
          user={user}
          onCancel={() => {
            close();
            focusLater(() => connectButton.current);
          }}
        />
      ) : (
        connectable.length > 0 && (
          <PanelActions>
            <ActionButton
              buttonRef={connectButton}
              onClick={() => {
                setStatus(null);
                setMode({ kind: 'connect' });
              }}
            >
              {t('social.connected.connect')}
            </ActionButton>
          </PanelActions>
        )
      )}
      <SectionStatus message={status} />
    </Section>
  );
}

/** Back from the provider: finishes the link (or says why it failed); the provider is the one this tab went to. */
function ConnectCallback({ kit, onConnected }: { kit: ProfileKit; onConnected(provider: string): void }) {
  const { ErrorAlert } = kit;
  const { error } = useRedirectCallback(() => onConnected(pendingStrategy()?.replace(/^oauth_/, '') ?? ''));
  return <ErrorAlert error={error} />;
}

interface ItemProps {
  kit: ProfileKit;
  account: ExternalAccount;
  /** The instance's provider it belongs to (its name and icon); undefined when no longer configured. */
  provider: SocialProvider | undefined;
  name: string;
  removing: boolean;
  onRemove(): void;
  onCancel(): void;
  onRemoved(): void;
}

/** A provider the instance no longer lists: the generic icon. */
const unknownProvider = { icon: null, iconUrl: null };

function AccountItem({ kit, account, provider, name, removing, onRemove, onCancel, onRemoved }: ItemProps) {
  const { ActionButton, Badge, Confirmation, ErrorAlert, useElement } = kit;
  const { t } = kit.useLocalization();
  const textId = useId();
  const reverified = kit.useReverified();
  const reconnect = kit.useAsyncAction();
  const leaveFor = useLeaveFor();
  const item = useElement('profileSectionItem');
  const text = useElement('profileSectionItemText');
  const meta = useElement('profileSectionItemMeta');
  const actions = useElement('profileSectionItemActions');
  const stale = account.verification.status === 'expired' || account.verification.status === 'failed';

  const startReconnect = () =>
    reconnect.run(async () => {
      setPendingStrategy(account.verification.strategy);
      const pending = await account.reauthorize({ redirectUrl: returnUrl() });
      const to = pending.verification.externalVerificationRedirectURL;
      if (to) leaveFor(to);
    });

  return (
    <li {...item}>
      <div {...text}>
        <ProviderIcon provider={provider ?? unknownProvider} />{' '}
        <span id={textId}>{name}</span>{' '}
        <Badge>{t(stale ? 'social.connected.needsReconnect' : 'social.connected.verified')}</Badge>
        {account.emailAddress && <span {...meta}>{kit.breakableEmails(account.emailAddress)}</span>}
      </div>
      {removing ? (
        <Confirmation
          title={t('social.connected.removeTitle', { provider: name })}
          text={t('social.connected.removeText', { provider: name })}
          confirmLabel={t('social.connected.remove')}
          danger
          action={async () => {
            await reverified(() => account.destroy());
            onRemoved();
          }}
          onCancel={onCancel}
        />
      ) : (
        <div {...actions}>
          {stale && (
            <ActionButton loading={reconnect.loading} onClick={startReconnect} aria-describedby={textId}>
              {t('social.connected.reconnect')}
            </ActionButton>
          )}
          <ActionButton danger onClick={onRemove} aria-describedby={textId}>
            {t('social.connected.remove')}
          </ActionButton>
        </div>
      )}
      <ErrorAlert error={reconnect.error} />
    </li>
  );
}

interface ConnectPanelProps {
  kit: ProfileKit;
  providers: SocialProvider[];
  user: User;
  onCancel(): void;
}

/** "Connect an account": one button per provider not yet connected; the chosen one's consent page comes next. */
function ConnectPanel({ kit, providers, user, onCancel }: ConnectPanelProps) {
  const { ActionButton, ErrorAlert, Panel, PanelActions, useElement } = kit;
  const { t } = kit.useLocalization();
  const reverified = kit.useReverified();
  const start = kit.useAsyncAction();
  const leaveFor = useLeaveFor();
  const [chosen, setChosen] = useState<string | null>(null);
  const list = useElement('connectedAccountsProviderList');
  const button = useElement('connectedAccountsProviderButton');

  const connect = (strategy: OAuthStrategy) => {
    setChosen(strategy);
    setPendingStrategy(strategy);
    void start.run(async () => {
      const pending = await reverified(() => user.createExternalAccount({ strategy, redirectUrl: returnUrl() }));
      const to = pending.verification.externalVerificationRedirectURL;
      if (to) leaveFor(to);
    });
  };

  return (
    <Panel title={t('social.connected.chooseTitle')} text={t('social.connected.chooseText')} onCancel={onCancel}>
      <ul {...list}>
        {providers.map((provider) => (
          <li key={provider.id}>
            <button
              {...button}
              type="button"
              disabled={start.loading}
              aria-busy={(start.loading && chosen === provider.strategy) || undefined}
              onClick={() => connect(provider.strategy)}
            >
              <ProviderIcon provider={provider} />
              {t('social.connected.connectWith', { provider: provider.name })}
            </button>
          </li>
        ))}
      </ul>
      <ErrorAlert error={start.error} />
      <PanelActions>
        <ActionButton onClick={onCancel}>{t('cancel')}</ActionButton>
      </PanelActions>
    </Panel>
  );
}
