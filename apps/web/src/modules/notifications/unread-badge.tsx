import { BellOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../ui/i18n.tsx';
import { useUnreadCount } from './use-notifications.ts';

/** The bell in the header with the unread count; opens the inbox. */
export function UnreadBadge() {
  const { lang } = useI18n();
  const unread = useUnreadCount();
  return (
    <Link to="/notifications" aria-label={lang === 'en' ? 'Inbox' : '消息'} data-testid="inbox-bell">
      <Badge count={unread.data?.unread ?? 0} size="small" overflowCount={99}>
        <Button type="text" icon={<BellOutlined />} />
      </Badge>
    </Link>
  );
}
