import { createContext, useContext } from 'react';
import type { TaskpaneServices } from './taskpane-services';

export const ServicesContext = createContext<TaskpaneServices | undefined>(undefined);

export function useServices(): TaskpaneServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices needs a ServicesContext provider (the composition root or a test sets it)');
  return services;
}
