import { createContext } from 'react';

/** Counts the actions the pane logged or created for the current item, so views showing actions load them again. */
export interface ActionsRevision {
  revision: number;
  /** Called once an action was logged or created. */
  changed: () => void;
}

/** Without a provider (a view rendered alone), nothing reloads. */
export const ActionsRevisionContext = createContext<ActionsRevision>({ revision: 0, changed: () => undefined });
