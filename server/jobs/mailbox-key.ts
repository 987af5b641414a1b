import type { UserKey } from '../store/store';

/** One mailbox's key across the bridge's runs and job queue: `<tenantId>/<objectId>`. */
export const mailboxKey = (user: UserKey) => `${user.tenantId}/${user.objectId}`;
