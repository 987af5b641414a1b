import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { emailSchema, erpIdSchema, ianaTimeZoneSchema } from '../../src/domain/erp-records';
import { ApiError, notFound } from '../http/api-error';
import type { AppDeps, AppEnv } from '../http/app-env';
import { actionSchema, conflictError, errors, jsonBody, ok } from '../http/api-schemas';
import { findFirstContact, loggedItemStatus, logItemOnce } from './log-item';

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
  })
  .meta({ id: 'LogEmail' });

export const logMeetingSchema = z
  .object({
    iCalUId: z.string().trim().min(1).max(1024),
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
  })
  .refine((m) => Date.parse(m.end) >= Date.parse(m.start), { message: 'end is before start', path: ['end'] })
  .meta({ id: 'LogMeeting' });

const logResult = z.object({ action: actionSchema, alreadyLogged: z.boolean(), loggedAt: z.string() }).meta({ id: 'LogResult' });
const logStatus = z.object({ logged: z.boolean(), actionId: z.string().optional(), loggedAt: z.string().optional() }).meta({ id: 'LogStatus' });

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
          start: email.sentAt, end: email.sentAt, allDay: false, timeZone: 'UTC', status: 'done', private: false, ...target,
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
      const result = await logItemOnce(c, deps, `meeting:${meeting.iCalUId}`, 'meeting.log', async () => {
        const people = [...(meeting.organizer ? [meeting.organizer] : []), ...meeting.attendees];
        const target = await targetOf(c, meeting.contactId, people.map((p) => p.email));
        const header = [meeting.location ? `Location: ${meeting.location}` : '', `Attendees: ${list(people)}`].filter(Boolean).join('\n');
        return {
          type: 'meeting', subject: meeting.subject || '(no subject)', notes: `${header}\n\n${meeting.bodyText}`.slice(0, maxNotes),
          start: meeting.start, end: meeting.end, allDay: meeting.allDay, timeZone: meeting.timeZone,
          status: Date.parse(meeting.end) <= (deps.now?.() ?? new Date()).getTime() ? 'done' : 'planned', private: false, ...target,
        };
      });
      return c.json(result, result.alreadyLogged ? 200 : 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/log/meeting', tags, summary: 'Whether a meeting was logged, by anyone in the environment; the action id only when its action is visible to me',
      request: { query: z.object({ iCalUId: z.string().trim().min(1).max(1024) }) },
      responses: { 200: ok(logStatus, 'The log status'), ...errors },
    }),
    async (c) => c.json(await loggedItemStatus(c, deps, `meeting:${c.req.valid('query').iCalUId}`), 200),
  );
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
