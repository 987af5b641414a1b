import { describeErpPortContract } from '../erp-port-contract';
import { openDemoContractErp } from './demo-erp';

describeErpPortContract('the demo ERP (SQLite in memory)', openDemoContractErp);
