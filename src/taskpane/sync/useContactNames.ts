import { useEffect, useState } from 'react';
import { useServices } from '../services/services-context';

/**
 * Display names of ERP contacts that sync lists by id (conflicts, deleted contacts). A name that
 * cannot be read leaves the id on screen: the list stays usable, and the error is logged.
 */
export function useContactNames(erpIds: readonly string[]): ReadonlyMap<string, string> {
  const { bridge } = useServices();
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const key = [...new Set(erpIds)].sort().join('\n');

  useEffect(() => {
    let current = true;
    const wanted = key ? key.split('\n') : [];
    void Promise.all(
      wanted.map((id) =>
        bridge.getContact(id).then(
          (contact): [string, string] => [id, contact.displayName],
          (error: unknown) => {
            console.warn(`could not read the name of ERP contact ${id}`, error);
            return undefined;
          },
        ),
      ),
    ).then((entries) => current && setNames(new Map(entries.filter((entry): entry is [string, string] => entry !== undefined))));
    return () => {
      current = false;
    };
  }, [bridge, key]);

  return names;
}
