import {
  CountUnreadNotificationsRoute,
  ListNotificationsRoute,
  MarkAllNotificationsReadRoute,
  MarkNotificationReadRoute,
} from '@gaodi/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../ui/api.ts';

const KEY = 'notifications';

export function useUnreadCount() {
  // Polled: escalations arrive from the scheduled job, not from the user's own actions.
  return useQuery({
    queryKey: [KEY, 'unread'],
    queryFn: () => call(CountUnreadNotificationsRoute, {}),
    refetchInterval: 60_000,
  });
}

export function useNotifications(page: number, isUnread: boolean) {
  return useQuery({
    queryKey: [KEY, 'list', page, isUnread],
    queryFn: () =>
      call(ListNotificationsRoute, {
        query: { page, pageSize: 20, isUnread: isUnread ? 'true' : undefined },
      }),
  });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(MarkNotificationReadRoute, { params: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: [KEY] }),
  });
}

export function useMarkAllRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call(MarkAllNotificationsReadRoute, {}),
    onSuccess: () => client.invalidateQueries({ queryKey: [KEY] }),
  });
}
