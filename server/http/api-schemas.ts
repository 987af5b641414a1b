import { z } from 'zod';
import { errorCodes } from '../../src/domain/error-code';
import {
  actionInputSchema,
  actionPatchSchema,
  contactInputSchema,
  contactPatchSchema,
  erpAccountSchema,
  erpActionSchema,
  erpContactSchema,
  erpIdSchema,
  erpUserSchema,
} from '../../src/domain/erp-records';
import { pageQuerySchema, pageSchema } from '../../src/domain/page';
import { syncPolicySchema } from '../../src/domain/sync-policy';
import { conflictPolicies, syncDirections, syncSettingsSchema } from '../../src/domain/sync-settings';

/** Named OpenAPI components over the domain schemas. */
export const errorBodySchema = z.object({ code: z.enum(errorCodes), message: z.string(), scopes: z.array(z.string()).optional(), authority: z.string().optional() }).meta({ id: 'Error' });
export const contactSchema = erpContactSchema.meta({ id: 'Contact' });
export const contactInput = contactInputSchema.meta({ id: 'ContactInput' });
export const contactPatch = contactPatchSchema.meta({ id: 'ContactPatch' });
export const accountSchema = erpAccountSchema.meta({ id: 'Account' });
export const actionSchema = erpActionSchema.meta({ id: 'Action' });
export const actionInput = actionInputSchema.meta({ id: 'ActionInput' });
export const actionPatch = actionPatchSchema.meta({ id: 'ActionPatch' });
export const erpUser = erpUserSchema.meta({ id: 'ErpUser' });
export const syncSettings = syncSettingsSchema.meta({ id: 'SyncSettings' });
/** Settings as a user saves them: a direction or conflict policy left out is the environment's default. */
export const syncSettingsInput = syncSettingsSchema
  .extend({
    contacts: z.enum(syncDirections).optional(), conflicts: z.enum(conflictPolicies).optional(),
    events: z.enum(syncDirections).optional(), eventConflicts: z.enum(conflictPolicies).optional(),
    tasks: z.enum(syncDirections).optional(), taskConflicts: z.enum(conflictPolicies).optional(),
  })
  .meta({ id: 'SyncSettingsInput' });
export const syncPolicy = syncPolicySchema;

export const contactPage = pageSchema(contactSchema).meta({ id: 'ContactPage' });
export const accountPage = pageSchema(accountSchema).meta({ id: 'AccountPage' });
export const actionPage = pageSchema(actionSchema).meta({ id: 'ActionPage' });

export const idParams = z.object({ id: erpIdSchema });
export const pageQuery = pageQuerySchema;

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

/** Request body and the error answers every route shares. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({ body: { content: json(schema), required: true } });
export const ok = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: json(schema) });
export const errors = {
  400: { description: 'Invalid input', content: json(errorBodySchema) },
  401: { description: 'No valid token', content: json(errorBodySchema) },
  403: { description: 'Not allowed', content: json(errorBodySchema) },
  429: {
    description: 'Over the user\'s or the environment\'s rate limit; Retry-After says when to try again',
    headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' as const } } },
    content: json(errorBodySchema),
  },
};
export const notFoundError = { 404: { description: 'Not found', content: json(errorBodySchema) } };
export const conflictError = { 409: { description: 'Stale version or concurrent write', content: json(errorBodySchema) } };
