import { z } from 'zod';

const changeNotification = z.object({
  subscriptionId: z.string().min(1).max(128),
  clientState: z.string().max(128).nullish(),
  tenantId: z.string().max(64).nullish(),
  subscriptionExpirationDateTime: z.string().max(64).nullish(),
  changeType: z.enum(['created', 'updated', 'deleted']).optional(),
  resource: z.string().max(2048).optional(),
  resourceData: z.object({ id: z.string().max(1024).optional(), '@odata.etag': z.string().max(256).optional() }).loose().nullish(),
  lifecycleEvent: z.enum(['reauthorizationRequired', 'subscriptionRemoved', 'missed']).optional(),
});

/**
 * The body Graph POSTs to a notification URL (a `changeNotificationCollection` of basic
 * notifications): each item is a change (`changeType`, `resource`) or a lifecycle event.
 */
export const graphNotificationSchema = z.object({
  value: z
    .array(changeNotification.refine((item) => (item.lifecycleEvent === undefined) !== (item.changeType === undefined), 'a notification has either a changeType or a lifecycleEvent'))
    .min(1)
    .max(1000),
});

export type GraphNotificationBody = z.infer<typeof graphNotificationSchema>;
export type GraphChangeNotification = GraphNotificationBody['value'][number];
