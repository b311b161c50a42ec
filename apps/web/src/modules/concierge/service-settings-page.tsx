import { Tabs } from 'antd';
import { useI18n } from '../../ui/i18n.tsx';
import { Page, Panel } from '../../ui/page.tsx';
import { useCan } from '../auth/use-session.ts';
import { CalendarPanel } from './calendar-panel.tsx';
import { TimeLimitsPanel } from './time-limits-panel.tsx';

/** 帮办时限与工作日历: the office's time limits per kind and its working calendar, per year. */
export function ServiceSettingsPage() {
  const { t } = useI18n();
  const can = useCan();
  const mayEdit = can('service_setting', 'update');
  return (
    <Page
      title={t('ct.settings')}
      crumbs={[{ title: t('nav.system') }, { title: t('ct.settings') }]}
      testId="service-settings"
    >
      <Panel>
        <Tabs
          items={[
            { key: 'limits', label: t('ct.limits'), children: <TimeLimitsPanel mayEdit={mayEdit} /> },
            { key: 'calendar', label: t('ct.calendar'), children: <CalendarPanel mayEdit={mayEdit} /> },
          ]}
        />
      </Panel>
    </Page>
  );
}
