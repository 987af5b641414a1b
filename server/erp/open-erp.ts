import { resolve } from 'node:path';
import type { Logger } from 'pino';
import type { ErpPort } from '../../src/domain/erp-port';
import type { EnvironmentConfig } from '../config/config-schema';
import { resolveSecret } from '../config/load-config';
import { openDemoErp } from './demo/open-demo-erp';
import { loadSqlErpMapping } from './sql/load-sql-erp-mapping';
import { openSqlErp } from './sql/open-sql-erp';

/** Opens the ERP adapter an environment's configuration names; paths are relative to `baseDir`. */
export async function openErp(config: EnvironmentConfig['erp'], options: { baseDir: string; logger: Logger }): Promise<ErpPort> {
  switch (config.adapter) {
    case 'demo': {
      const file = config.file === ':memory:' ? config.file : resolve(options.baseDir, config.file);
      const started = performance.now();
      let announced = false;
      const erp = await openDemoErp({
        file,
        seed: {
          seed: config.seed,
          contacts: config.contacts,
          salespeople: config.salespeople,
          // Dates around the first start, so a new demo shows upcoming visits and calls.
          referenceDate: new Date(new Date().toISOString().slice(0, 10)),
          onProgress: ({ contactsDone, contactsTotal }) => {
            if (!announced) options.logger.info({ file, contacts: contactsTotal }, 'seeding the demo ERP (first start only)');
            announced = true;
            if (contactsDone === contactsTotal) options.logger.info({ contacts: contactsDone, ms: Math.round(performance.now() - started) }, 'demo ERP seeded');
          },
        },
      });
      return erp;
    }
    case 'sql': {
      const mapping = loadSqlErpMapping(resolve(options.baseDir, config.mapping));
      const connection = resolveSecret(config.connection, process.env, options.baseDir);
      return config.dialect === 'postgres'
        ? openSqlErp({ dialect: 'postgres', connectionString: connection, mapping, onIdleConnectionError: (error) => options.logger.warn({ err: error }, 'ERP database connection dropped') })
        : openSqlErp({ dialect: 'sqlite', file: resolve(options.baseDir, connection), mapping });
    }
  }
}
