/** English strings of the sync policy's controls (settings and Admin view), loaded with those views, not with the card. */
export const syncPolicyEn = {
  settings: {
    directionLabel: {
      contacts: 'How contacts sync',
      events: 'How calendar events sync',
      tasks: 'How To Do tasks sync',
    },
    conflictsLabel: {
      contacts: 'When a contact changed on both sides',
      events: 'When an event changed on both sides',
      tasks: 'When a task changed on both sides',
    },
    directions: {
      'erp-to-outlook': 'From the ERP to Outlook',
      'two-way': 'Both ways: my Outlook edits go back to the ERP',
      off: 'Not synced',
    },
    conflictPolicies: {
      'erp-wins': 'Keep the ERP value',
      'outlook-wins': 'Keep the Outlook value',
      newest: 'Keep the newest change',
      manual: 'Let me choose each time',
    },
    policyHint: 'Your admin decides which choices are offered here.',
    todoListLabel: 'To Do list for actions without a time',
  },
  admin: {
    policyHeading: 'What users may choose',
    policyHint: 'Per collection, the sync directions and conflict rules users can pick, and what they get until they choose. A user whose choice is no longer allowed gets the default.',
    collections: {
      contacts: 'Contacts',
      events: 'Calendar events',
      tasks: 'To Do tasks',
    },
    allowedDirections: 'Directions users may choose',
    allowedConflicts: 'Conflict rules users may choose',
    defaultDirection: 'Default direction',
    defaultConflicts: 'Default conflict rule',
    loadingPolicy: 'Loading the sync policy',
    savePolicy: 'Save what users may choose',
    savingPolicy: 'Saving…',
    policySaved: 'Saved. Users’ choices outside it now get the defaults.',
    policyFromConfiguration: 'As set in the bridge configuration.',
  },
};

export type SyncPolicyStrings = typeof syncPolicyEn;
