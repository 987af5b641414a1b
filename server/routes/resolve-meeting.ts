import type { Context } from 'hono';
import { getMeetingIdentity, type MeetingIdentity } from '../../src/graph/events/get-meeting-identity';
import { SyncError } from '../../src/sync/sync-error';
import { readBearerToken } from '../auth/read-bearer-token';
import { ApiError } from '../http/api-error';
import type { AppDeps, AppEnv } from '../http/app-env';

/** How the add-in names a meeting: its REST id when Outlook has saved it, the key it was logged under before, or a key of its own. */
export interface MeetingReference {
  eventId?: string | undefined;
  formerKey?: string | undefined;
  iCalUId?: string | undefined;
}

export interface ResolvedMeeting {
  itemKey: string;
  /** Keys the meeting may have been logged under before the bridge read its iCalUId. */
  formerItemKeys: string[];
  /** Absent when Graph was not asked (no event id, no Graph on this bridge) or does not have the event. */
  identity?: MeetingIdentity;
}

/**
 * The key a meeting is logged under: its iCalUId, read through Graph with the user's own access
 * (on behalf of the request's token in delegated mode), so a moved meeting keeps its key. When the
 * mailbox has no such event (a meeting seen in someone else's calendar) or the bridge has no Graph,
 * the key the add-in gave.
 */
export async function resolveMeeting(c: Context<AppEnv>, deps: AppDeps, reference: MeetingReference): Promise<ResolvedMeeting> {
  const formerItemKeys = reference.formerKey ? [`meeting:${reference.formerKey}`] : [];
  if (reference.eventId && deps.graphAccess) {
    const { tenantId, objectId, environment } = c.get('principal');
    const user = { tenantId, objectId };
    const client = deps.graphAccess.clientForRequest(environment, user, readBearerToken(c.req.header('authorization')));
    try {
      const identity = await getMeetingIdentity(client, deps.graphAccess.mailboxOf(user), reference.eventId);
      return { itemKey: `meeting:${identity.iCalUId}`, formerItemKeys, identity };
    } catch (error) {
      if (!(error instanceof SyncError && error.code === 'not_found')) throw error;
    }
  }
  const key = reference.iCalUId ?? reference.formerKey;
  if (!key) throw new ApiError('invalid_input', 400, 'name the meeting by its eventId or its iCalUId');
  const itemKey = `meeting:${key}`;
  return { itemKey, formerItemKeys: formerItemKeys.filter((former) => former !== itemKey) };
}
