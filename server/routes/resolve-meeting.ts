import type { Context } from 'hono';
import { getMeetingIdentity, type MeetingIdentity } from '../../src/graph/events/get-meeting-identity';
import { SyncError, type SyncErrorCode } from '../../src/sync/sync-error';
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

/** Graph answers that leave the add-in's key as the meeting's: no such event in this mailbox, or no consent or sign-in for Graph. */
const fallsBackToGivenKey = new Set<SyncErrorCode>(['not_found', 'forbidden', 'auth_required']);

/**
 * The key a meeting is logged under: its iCalUId, read through Graph with the user's own access
 * (on behalf of the request's token in delegated mode), so a moved meeting keeps its key. When the
 * mailbox has no such event (a meeting seen in someone else's calendar), the bridge has no Graph, or
 * Graph refuses this user (no consent, no usable sign-in: warned in the log), the key the add-in gave.
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
      if (!(error instanceof SyncError && fallsBackToGivenKey.has(error.code))) throw error;
      // Logging worked before the bridge read Graph: without consent or a usable sign-in it still does, by the add-in's key.
      if (error.code !== 'not_found') c.get('logger').warn({ code: error.code, reason: error.message }, 'meeting logged by the add-in key: Graph could not be read for this user');
    }
  }
  const key = reference.iCalUId ?? reference.formerKey;
  if (!key) throw new ApiError('invalid_input', 400, 'name the meeting by its eventId or its iCalUId');
  const itemKey = `meeting:${key}`;
  return { itemKey, formerItemKeys: formerItemKeys.filter((former) => former !== itemKey) };
}
