import type { z } from 'zod';
import { ErpError } from '../../src/domain/erp-port';

/** Validates a write with its domain schema; the error names each bad field (`emails[1]: Invalid email address`). */
export function parseErpInput<T extends z.ZodType>(schema: T, input: unknown, what: string): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => `${formatPath(issue.path) || '(root)'}: ${issue.message}`);
  throw new ErpError('invalid_input', `${what} is not valid: ${issues.join('; ')}`);
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${String(part)}` : String(part)),
    '',
  );
}
