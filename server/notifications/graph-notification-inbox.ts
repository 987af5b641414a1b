import type { GraphNotificationBody } from './graph-notification-schema';
import type { ReceiveOutcome } from './receive-graph-notifications';

/** What the notification route needs: notifications checked and stored for processing. */
export interface GraphNotificationInbox {
  receive(body: GraphNotificationBody): Promise<ReceiveOutcome>;
}
