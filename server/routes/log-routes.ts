import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { emailSchema, erpIdSchema, ianaTimeZoneSchema } from '../../src/domain/erp-records';
import { ApiError, notFound } from '../http/api-error';
import type { AppDeps, AppEnv } from '../http/app-env';
import { actionSchema, conflictError, errors, jsonBody, ok } from '../http/api-schemas';
import type { MeetingIdentity } from '../../src/graph/events/get-meeting-identity';
import { allDayDateOf, startOfDayInstant } from '../../src/graph/time-zones';
import { findFirstContact, loggedItemStatus, logItemOnce } from './log-item';
import { resolveMeeting } from './resolve-meeting';

const tags = ['Logging'];
const maxNotes = 100_000;

const participant = z.object({ email: emailSchema, name: z.string().trim().max(200).optional() });
const internetMessageId = z.string().trim().min(3).max(998);

export const logEmailSchema = z
  .object({
    internetMessageId,
    subject: z.string().trim().max(255).default(''),
    from: participant,
    to: z.array(participant).max(500).default([]),
    cc: z.array(participant).max(500).default([]),
    sentAt: z.iso.datetime({ offset: true }),
    bodyText: z.string().max(maxNotes).default(''),
    /** The contact chosen in the add-in; otherwise the first participant who is an ERP contact. */
    contactId: erpIdSchema.optional(),
    /** The user's "Log as private" choice. */
    private: z.boolean().default(false),
  })
  .meta({ id: 'LogEmail' });

const meetingKey = z.string().trim().min(1).max(1024);
/** Outlook's REST item id (`convertToRestId`): base64url with `-` and `_`, or the older `/` and `+`. */
const eventId = z.string().trim().min(1).max(1024).regex(/^[\w\-+/=]+$/, 'an Outlook REST item id');

const meetingReference = {
  /** Outlook's REST id of the event: the bridge reads its iCalUId, sensitivity and all-day dates from Graph. */
  eventId: eventId.optional(),
  /** The key the add-in logged this meeting under before it sent event ids (`outlook:<organizer>/<start>`). */
  formerKey: meetingKey.optional(),
  /** The meeting's own key, for a meeting Outlook has not saved yet (no event id). */
  iCalUId: meetingKey.optional(),
};
const namesTheMeeting = (m: { eventId?: string | undefined; iCalUId?: string | undefined }) => Boolean(m.eventId ?? m.iCalUId);

export const logMeetingSchema = z
  .object({
    ...meetingReference,
    subject: z.string().trim().max(255).default(''),
    start: z.iso.datetime({ offset: true }),
    end: z.iso.datetime({ offset: true }),
    timeZone: ianaTimeZoneSchema.default('UTC'),
    allDay: z.boolean().default(false),
    location: z.string().trim().max(255).optional(),
    organizer: participant.optional(),
    attendees: z.array(participant).max(500).default([]),
    bodyText: z.string().max(maxNotes).default(''),
    contactId: erpIdSchema.optional(),
    /** The user's choice; without it, a meeting Outlook marks private or confidential is logged private. */
    private: z.boolean().optional(),
  })
  .refine(namesTheMeeting, { message: 'name the meeting by its eventId or its iCalUId', path: ['eventId'] })
  .refine((m) => Date.parse(m.end) >= Date.parse(m.start), { message: 'end is before start', path: ['end'] })
  .meta({ id: 'LogMeeting' });

const logResult = z.object({ action: actionSchema, alreadyLogged: z.boolean(), loggedAt: z.string() }).meta({ id: 'LogResult' });
const logStatus = z
  .object({
    logged: z.boolean(),
    actionId: z.string().optional(),
    loggedAt: z.string().optional(),
    /** Meetings read through Graph: whether Outlook marks it private or confidential, so the add-in offers to log it private. */
    markedPrivate: z.boolean().optional(),
  })
  .meta({ id: 'LogStatus' });

const list = (people: { email: string; name?: string | undefined }[]) =>
  people.map((p) => (p.name ? `${p.name} <${p.email}>` : p.email)).join(', ');

export function registerLogRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps) {
  app.openapi(
    createRoute({
      method: 'post', path: '/api/log/email', tags,
      summary: 'Log an email as an ERP action; logging the same internetMessageId again returns the first action (409 when its owner keeps it private)',
      request: jsonBody(logEmailSchema),
      responses: { 201: ok(logResult, 'Logged now'), 200: ok(logResult, 'Logged before'), ...errors, ...conflictError },
    }),
    async (c) => {
      const email = c.req.valid('json');
      const result = await logItemOnce(c, deps, `email:${email.internetMessageId}`, 'email.log', async () => {
        const target = await targetOf(c, email.contactId, [email.from, ...email.to, ...email.cc].map((p) => p.email));
        const header = [`From: ${list([email.from])}`, `To: ${list(email.to)}`, email.cc.length ? `Cc: ${list(email.cc)}` : '']
          .filter(Boolean)
          .join('\n');
        return {
          type: 'email', subject: email.subject || '(no subject)', notes: `${header}\n\n${email.bodyText}`.slice(0, maxNotes),
          start: email.sentAt, end: email.sentAt, allDay: false, timeZone: 'UTC', status: 'done', private: email.private, ...target,
        };
      });
      return c.json(result, result.alreadyLogged ? 200 : 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/log/email', tags, summary: 'Whether an email was logged, by anyone in the environment; the action id only when its action is visible to me',
      request: { query: z.object({ internetMessageId }) },
      responses: { 200: ok(logStatus, 'The log status'), ...errors },
    }),
    async (c) => c.json(await loggedItemStatus(c, deps, `email:${c.req.valid('query').internetMessageId}`), 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/api/log/meeting', tags,
      summary: 'Log a meeting as an ERP action linked to its attendees; idempotent by iCalUId',
      request: jsonBody(logMeetingSchema),
      responses: { 201: ok(logResult, 'Logged now'), 200: ok(logResult, 'Logged before'), ...errors, ...conflictError },
    }),
    async (c) => {
      const meeting = c.req.valid('json');
      const { itemKey, formerItemKeys, identity } = await resolveMeeting(c, deps, meeting);
      const result = await logItemOnce(c, deps, itemKey, 'meeting.log', async () => {
        const people = [...(meeting.organizer ? [meeting.organizer] : []), ...meeting.attendees];
        const target = await targetOf(c, meeting.contactId, people.map((p) => p.email));
        const header = [meeting.location ? `Location: ${meeting.location}` : '', `Attendees: ${list(people)}`].filter(Boolean).join('\n');
        const times = meetingTimes(meeting, identity);
        return {
          type: 'meeting', subject: meeting.subject || '(no subject)', notes: `${header}\n\n${meeting.bodyText}`.slice(0, maxNotes),
          ...times, timeZone: meeting.timeZone,
          status: Date.parse(times.end) <= (deps.now?.() ?? new Date()).getTime() ? 'done' : 'planned',
          private: meeting.private ?? isMarkedPrivate(identity), ...target,
        };
      }, formerItemKeys);
      return c.json(result, result.alreadyLogged ? 200 : 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/log/meeting', tags, summary: 'Whether a meeting was logged, by anyone in the environment; the action id only when its action is visible to me',
      request: { query: z.object(meetingReference).refine(namesTheMeeting, { message: 'name the meeting by its eventId or its iCalUId', path: ['eventId'] }) },
      responses: { 200: ok(logStatus, 'The log status'), ...errors },
    }),
    async (c) => {
      const { itemKey, formerItemKeys, identity } = await resolveMeeting(c, deps, c.req.valid('query'));
      const status = await loggedItemStatus(c, deps, itemKey, formerItemKeys);
      return c.json(identity ? { ...status, markedPrivate: isMarkedPrivate(identity) } : status, 200);
    },
  );
}

/** Outlook's private and confidential items are kept from other people's eyes; so is their action, unless the user says otherwise. */
function isMarkedPrivate(identity: MeetingIdentity | undefined): boolean {
  return identity?.sensitivity === 'private' || identity?.sensitivity === 'confidential';
}

/**
 * An all-day meeting stays all-day, from the start of its first date to the start of the day after
 * its last, in the zone it is logged in: Graph's dates when the bridge read them, otherwise the
 * dates the add-in's times fall on in that zone.
 */
function meetingTimes(meeting: { start: string; end: string; allDay: boolean; timeZone: string }, identity: MeetingIdentity | undefined) {
  const dates = identity?.allDay ?? (meeting.allDay ? { startDate: allDayDateOf(Date.parse(meeting.start), meeting.timeZone), endDate: allDayDateOf(Date.parse(meeting.end), meeting.timeZone) } : undefined);
  if (!dates) return { start: meeting.start, end: meeting.end, allDay: false };
  const instant = (date: string) => new Date(startOfDayInstant(date, meeting.timeZone)).toISOString();
  return { start: instant(dates.startDate), end: instant(dates.endDate), allDay: true };
}

async function targetOf(c: Parameters<typeof findFirstContact>[0], contactId: string | undefined, emails: string[]) {
  if (contactId) {
    const contact = await c.get('environment').erp.getContact(contactId);
    if (!contact) throw notFound(`contact ${contactId}`);
    return { contactId, accountId: contact.accountId };
  }
  const found = await findFirstContact(c, emails);
  if (!found) throw new ApiError('invalid_input', 400, 'none of the people in this item is an ERP contact; choose or create a contact first');
  return found;
}
