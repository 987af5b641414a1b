import { z } from 'zod';

/** What the chaos test hands the sync worker process (environment variable CHAOS_WORKER). */
export const chaosWorkerSettingsSchema = z.object({
  environment: z.string(),
  tenantId: z.string(),
  applicationId: z.string(),
  clientSecret: z.string(),
  objectId: z.string(),
  authority: z.string(),
  graphBaseUrl: z.string(),
  certificateFile: z.string(),
  storeFile: z.string(),
  erpFile: z.string(),
  requestTimeoutMs: z.number(),
});

export type ChaosWorkerSettings = z.infer<typeof chaosWorkerSettingsSchema>;

/** What the worker tells the test. */
export type ChaosWorkerMessage =
  | { type: 'ready' }
  | {
      type: 'finished'; runId: string; status: string; failedOperations: number; quiet: boolean; applied: number; adopted: number;
      /** Each action collection's part of the run (its items written and failed are in the totals too). */
      collections: Partial<Record<'events' | 'tasks', { outcome: string; applied: number; failedOperations: number }>>;
    };
