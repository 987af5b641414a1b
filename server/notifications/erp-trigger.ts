/** The inbox's subscription id for runs the ERP side asked for (its hook or its poll), which no Graph subscription has. */
export const erpTrigger = 'erp';
