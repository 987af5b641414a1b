import type { z } from 'zod';
import { readJsonColumn } from './json-column';
import { StoreError } from './store-error';

/**
 * Reads a JSON column and validates it on the way out: a row written by an older release or by
 * hand must not reach the engine half-valid. `upgrade` maps an older stored shape first.
 */
export function readSchemaColumn<T extends z.ZodType>(text: string, schema: T, where: string, upgrade: (value: unknown) => unknown = (value) => value): z.output<T> {
  const parsed = schema.safeParse(upgrade(readJsonColumn(text, where)));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
    throw new StoreError('corrupt_record', `${where}: not valid under its schema: ${issues}`, { cause: parsed.error });
  }
  return parsed.data;
}
