import { useEffect, useState } from 'react';
import type { Service } from '../../../shared/contract/partners';
import { call } from './api';

/** The services partners offer (data a supervisor edits), read once per page. */
export function useServices(): { services: Service[]; error: unknown } {
  const [state, setState] = useState<{ services: Service[]; error: unknown }>({ services: [], error: null });
  useEffect(() => {
    let stale = false;
    call('services:list', {}).then(
      (services) => !stale && setState({ services, error: null }),
      (error: unknown) => !stale && setState({ services: [], error }),
    );
    return () => {
      stale = true;
    };
  }, []);
  return state;
}
