import type { ErpPort } from '../../src/domain/erp-port';
import type { DoctorCheck } from './doctor-check';

/** The ERP answers its health call in time. */
export async function checkErp(erp: Pick<ErpPort, 'ping' | 'kind'>, timeoutMs = 10_000): Promise<DoctorCheck> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${timeoutMs / 1000} s`)), timeoutMs);
  });
  try {
    await Promise.race([erp.ping(), timeout]);
    return { name: 'erp', status: 'ok', message: `The ERP (${erp.kind}) answers.` };
  } catch (error) {
    return {
      name: 'erp', status: 'fail', message: `The ERP (${erp.kind}) does not answer: ${error instanceof Error ? error.message : String(error)}.`,
      fix: 'Check that the ERP database runs and that erp.connection (or erp.file) in the configuration points to it.',
    };
  } finally {
    clearTimeout(timer);
  }
}
