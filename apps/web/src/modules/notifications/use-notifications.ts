import { Notification, NotificationPage, UnreadCount } from '@gaodi/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../ui/api.ts';

const KEY = 'notifications';

export function useUnreadCount() {
  // Polled: escalations arrive from the scheduled job, not from the user's own actions.
  return useQuery({
    queryKey: [KEY, 'unread'],
    queryFn: () => api.get('/api/notifications/unread-count', UnreadCount),
    refetchInterval: 60_000,
  });
}

export function useNotifications(page: number, isUnread: boolean) {
  return useQuery({
    queryKey: [KEY, 'list', page, isUnread],
    queryFn: () =>
      api.get('/api/notifications', NotificationPage, {
        page,
        pageSize: 20,
        isUnread: isUnread ? 'true' : undefined,
      }),
  });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post(`/api/notifications/${id}/read`, Notification),
    onSuccess: () => client.invalidateQueries({ queryKey: [KEY] }),
  });
}

export function useMarkAllRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/api/notifications/read-all', z.object({ ok: z.literal(true) })),
    onSuccess: () => client.invalidateQueries({ queryKey: [KEY] }),
  });
}
