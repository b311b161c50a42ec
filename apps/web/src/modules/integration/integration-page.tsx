import { Tabs } from 'antd';
import { useI18n } from '../../ui/i18n.tsx';
import { Page, Panel } from '../../ui/page.tsx';
import { ApiKeysPanel } from './api-keys-panel.tsx';
import { WebhooksPanel } from './webhooks-panel.tsx';

/** /integration: the system administrator's API keys and webhook subscriptions (issue 16). */
export function IntegrationPage() {
  const { t } = useI18n();
  return (
    <Page
      title={t('integration.title')}
      crumbs={[{ title: t('nav.system') }, { title: t('integration.title') }]}
      testId="integration-page"
    >
      <Panel>
        <Tabs
          items={[
            { key: 'keys', label: t('integration.keys'), children: <ApiKeysPanel /> },
            { key: 'webhooks', label: t('integration.webhooks'), children: <WebhooksPanel /> },
          ]}
        />
      </Panel>
    </Page>
  );
}
