import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { readBearerToken } from '../auth/read-bearer-token';
import { doctorCheckNames } from '../doctor/doctor-check';
import { ApiError } from '../http/api-error';
import { errors, ok } from '../http/api-schemas';
import type { AppDeps, AppEnv } from '../http/app-env';
import { requireAdmin } from './admin-routes';

const doctorCheck = z
  .object({ name: z.enum(doctorCheckNames), status: z.enum(['ok', 'warn', 'fail']), message: z.string(), fix: z.string().optional() })
  .meta({ id: 'DoctorCheck' });
const doctorReport = z
  .object({ environment: z.string(), mode: z.enum(['delegated', 'app-only']), checks: z.array(doctorCheck) })
  .meta({ id: 'DoctorReport' });

/** The checks of `npm run doctor` for the admin's own environment. */
export function registerAdminDoctorRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps) {
  app.openapi(
    createRoute({
      method: 'get', path: '/api/admin/doctor', tags: ['Admin'],
      summary: "Checks the environment's setup: sign-in, secret, consent, Graph permissions, mailboxes, folders, ERP, public URL, clock (admins only)",
      responses: { 200: ok(doctorReport, 'One result per check'), ...errors },
    }),
    async (c) => {
      requireAdmin(c);
      if (!deps.doctor) throw new ApiError('unavailable', 503, 'this bridge has no access to Microsoft 365 configured');
      // The admin's own token lets a delegated environment try the on-behalf-of exchange sync relies on.
      const report = await deps.doctor.run(c.get('principal').environment, { userToken: readBearerToken(c.req.header('authorization')) });
      return c.json(report, 200);
    },
  );
}
