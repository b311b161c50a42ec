import { secretPlace as mfaPlace } from './auth/mfa/mfa-state.ts';
import type { EncryptedColumn } from './crypto/encrypted-column.ts';
import { secretPlace as channelPlace } from './notifications/channels/channel-config.ts';

/** The platform's encrypted columns: TOTP secrets, notification channels' secrets. */
export const platformEncryptedColumns: EncryptedColumn[] = [
  { table: 'user_mfa', column: 'secret', key: [['user_id', 'uuid']], place: ([id]) => mfaPlace(String(id)) },
  {
    table: 'user_mfa',
    column: 'pending_secret',
    key: [['user_id', 'uuid']],
    place: ([id]) => mfaPlace(String(id)),
  },
  {
    table: 'notification_channels',
    column: 'secret',
    key: [
      ['region_code', 'text'],
      ['channel', 'text'],
    ],
    place: ([region, channel]) => channelPlace(String(region), String(channel)),
  },
];
