import { PrimaryButton, useElement, useLocalization } from '../../foundation';
import { downloadText, useCopy } from './clipboard';
import { ActionButton, Panel, PanelActions, SectionStatus } from './parts';

export interface BackupCodesProps {
  codes: string[];
  applicationName: string;
  onDone(): void;
}

/**
 * Backup codes, shown this once, with copy and download. Escape does not
 * close it: the codes cannot be shown again, so only the explicit button does.
 */
export function BackupCodes({ codes, applicationName, onDone }: BackupCodesProps) {
  const { t } = useLocalization();
  const { copy, message } = useCopy();
  const list = useElement('backupCodes');
  const item = useElement('backupCode');
  const asText = [t('userProfile.backupCodes.fileHeader', { applicationName }), '', ...codes, ''].join('\n');

  return (
    <Panel title={t('userProfile.backupCodes.title')} text={t('userProfile.backupCodes.text')}>
      <ul {...list} aria-label={t('userProfile.backupCodes.listLabel')}>
        {codes.map((code) => (
          <li {...item} key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <PanelActions>
        <ActionButton onClick={() => copy(codes.join('\n'))}>{t('userProfile.backupCodes.copy')}</ActionButton>
        <ActionButton onClick={() => downloadText(t('userProfile.backupCodes.fileName'), asText)}>
          {t('userProfile.backupCodes.download')}
        </ActionButton>
        <PrimaryButton type="button" onClick={onDone}>
          {t('userProfile.backupCodes.done')}
        </PrimaryButton>
      </PanelActions>
      <SectionStatus message={message} />
    </Panel>
  );
}
