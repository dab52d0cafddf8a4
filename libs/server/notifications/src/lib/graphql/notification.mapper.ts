import type { NotificationGroup } from '../inbox/notification.service';
import type { Notification } from './notification.objects';

export function toNotification(group: NotificationGroup): Notification {
  return {
    id: group.id,
    kind: group.kind,
    text: group.summary,
    url: group.url,
    count: group.count,
    read: group.read,
    createdAt: group.createdAt,
    actor: group.actorId ? { id: group.actorId, handle: group.actorHandle, displayName: group.actorName } : null,
    subjectKind: group.subjectKind,
    subjectId: group.subjectId,
  };
}
