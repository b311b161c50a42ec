import { Flex, Typography } from 'antd';
import { QueryError } from '../../ui/error-pages.tsx';
import { useI18n } from '../../ui/i18n.tsx';
import { Page, PageLoading } from '../../ui/page.tsx';
import { ChannelCard } from './channel-card.tsx';
import { CHANNEL_ORDER } from './channel-fields.ts';
import { useChannelSettings } from './use-notification-settings.ts';

/** /settings/notification-channels: the region's WeCom, DingTalk, e-mail and SMS (system administrator). */
export function ChannelsPage() {
  const { t } = useI18n();
  const channels = useChannelSettings();
  return (
    <Page title={t('nav.notificationChannels')} testId="channels-page">
      <Typography.Paragraph type="secondary">{t('channels.hint')}</Typography.Paragraph>
      {channels.isPending ? (
        <PageLoading />
      ) : channels.isError ? (
        <QueryError error={channels.error} onRetry={() => channels.refetch()} />
      ) : (
        <Flex vertical gap={16}>
          {CHANNEL_ORDER.map((c) => {
            const view = channels.data.items.find((i) => i.channel === c);
            // A saved change remounts the form with what the server now holds.
            return <ChannelCard key={`${c}-${view?.updatedAt ?? 'new'}`} channel={c} view={view} />;
          })}
        </Flex>
      )}
    </Page>
  );
}
