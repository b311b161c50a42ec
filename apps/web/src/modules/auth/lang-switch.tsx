import { GlobalOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useI18n } from '../../ui/i18n.tsx';

export function LangSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <Tooltip title={t('lang.switchTitle')}>
      <Button
        type="text"
        icon={<GlobalOutlined />}
        onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
        data-testid="lang-switch"
        style={{ color: 'inherit' }}
      >
        {t('lang.switch')}
      </Button>
    </Tooltip>
  );
}
