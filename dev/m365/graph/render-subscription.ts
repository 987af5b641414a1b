import type { Subscription } from '@microsoft/microsoft-graph-types';
import { formatSubscriptionDateTime } from './subscription-registry';
import type { SubscriptionRecord } from './subscription-record';

export type GraphSubscriptionJson = Subscription & { '@odata.context'?: string; notificationContentType?: string };

const changeTypeOrder = ['created', 'updated', 'deleted'] as const;

/** A subscription as Graph writes it (see `test/fixtures/graph/subscription-create.json`). */
export function renderSubscription(subscription: SubscriptionRecord, context?: string): GraphSubscriptionJson {
  return {
    ...(context ? { '@odata.context': context } : {}),
    id: subscription.id,
    resource: subscription.resource,
    applicationId: subscription.applicationId,
    changeType: changeTypeOrder.filter((changeType) => subscription.changeTypes.has(changeType)).join(','),
    clientState: subscription.clientState,
    notificationUrl: subscription.notificationUrl,
    notificationQueryOptions: null,
    lifecycleNotificationUrl: subscription.lifecycleNotificationUrl,
    expirationDateTime: formatSubscriptionDateTime(subscription.expirationMs),
    creatorId: subscription.creatorId,
    includeResourceData: false,
    latestSupportedTlsVersion: subscription.latestSupportedTlsVersion,
    encryptionCertificate: null,
    encryptionCertificateId: null,
    notificationUrlAppId: null,
    notificationContentType: 'application/json',
  };
}
