import { demoAccountRow, demoUserRow } from '../../../../server/erp/demo/demo-rows';
import { openDemoErp } from '../../../../server/erp/demo/open-demo-erp';
import { contractAccounts, contractUsers, type ErpContractSubject } from '../erp-port-contract';

/** A demo ERP in memory holding only the contract's users and companies. */
export async function openDemoContractErp(now: () => Date): Promise<ErpContractSubject> {
  const erp = await openDemoErp({ file: ':memory:', now });
  await erp.database
    .insertInto('erp_users')
    .values([demoUserRow(1, contractUsers.alice.email, contractUsers.alice.displayName), demoUserRow(2, contractUsers.bruno.email, contractUsers.bruno.displayName)])
    .execute();
  const updatedAt = now().toISOString();
  await erp.database
    .insertInto('accounts')
    .values([demoAccountRow({ id: 1, name: contractAccounts.erable.name, updatedAt }), demoAccountRow({ id: 2, name: contractAccounts.lefevre.name, updatedAt })])
    .execute();
  return {
    erp,
    userIds: { alice: '1', bruno: '2' },
    accountIds: { erable: '1', lefevre: '2' },
    deleteContact: (id, actor) => erp.deleteContact(id, actor),
    deleteAction: (id, actor) => erp.deleteAction(id, actor),
  };
}
