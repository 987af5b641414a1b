import { type ReactNode, useMemo, useState } from 'react';
import { ActionsRevisionContext } from './actions-revision-context';

/** Holds the actions revision of one item's view: the sender card and the log and create buttons share it. */
export function ActionsRevisionProvider({ children }: { children: ReactNode }) {
  const [revision, setRevision] = useState(0);
  const value = useMemo(() => ({ revision, changed: () => setRevision((count) => count + 1) }), [revision]);
  return <ActionsRevisionContext.Provider value={value}>{children}</ActionsRevisionContext.Provider>;
}
