import {
  type ChannelSettingsInput,
  type ChannelTestInput,
  type DeliveryChannelName,
  GetNotificationPreferencesRoute,
  ListChannelSettingsRoute,
  type NotificationPreferences,
  SaveChannelSettingsRoute,
  SaveNotificationPreferencesRoute,
  TestChannelRoute,
} from '@gaodi/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../ui/api.ts';

const CHANNELS = ['notification-channels'];
const PREFERENCES = ['notification-preferences'];

/** The active region's channels (system administrator): settings and `hasSecret`, never a secret. */
export const useChannelSettings = () =>
  useQuery({ queryKey: CHANNELS, queryFn: () => call(ListChannelSettingsRoute, {}) });

export function useChannelActions() {
  const client = useQueryClient();
  return {
    save: useMutation({
      mutationFn: (body: ChannelSettingsInput) => call(SaveChannelSettingsRoute, { body }),
      onSuccess: () => client.invalidateQueries({ queryKey: CHANNELS }),
    }),
    test: useMutation({
      mutationFn: ({ channel, ...body }: ChannelTestInput & { channel: DeliveryChannelName }) =>
        call(TestChannelRoute, { params: { channel }, body }),
    }),
  };
}

/** The signed-in user's own notification preferences. */
export const usePreferences = () =>
  useQuery({ queryKey: PREFERENCES, queryFn: () => call(GetNotificationPreferencesRoute, {}) });

export function useSavePreferences() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NotificationPreferences) => call(SaveNotificationPreferencesRoute, { body }),
    onSuccess: (saved) => client.setQueryData(PREFERENCES, saved),
  });
}
