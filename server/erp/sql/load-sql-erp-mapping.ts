import { readFileSync } from 'node:fs';
import { ConfigError, describeIssues } from '../../config/load-config';
import { sqlErpMappingSchema, type SqlErpMapping } from './sql-erp-mapping';

/** Validates a parsed mapping; the error names each bad key (`contacts.columns.prenom: Unrecognized key`). */
export function parseSqlErpMapping(raw: unknown, source = 'ERP mapping'): SqlErpMapping {
  const result = sqlErpMappingSchema.safeParse(raw);
  if (!result.success) throw new ConfigError(`${source} is not valid:\n${describeIssues(result.error)}`);
  return result.data;
}

/** Reads and validates a JSON mapping file (see `examples/prextra-mapping.json`). */
export function loadSqlErpMapping(path: string): SqlErpMapping {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read ERP mapping file ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`ERP mapping file ${path} is not JSON: ${(error as Error).message}`);
  }
  return parseSqlErpMapping(raw, `ERP mapping file ${path}`);
}
