import { useEffect, useState } from 'react';
import type { Domain } from '../../../shared/contract/registry';
import { call } from './api';

/** The clinic's domains of law (data a supervisor edits), read once per page. */
export function useDomains(): { domains: Domain[]; error: unknown } {
  const [state, setState] = useState<{ domains: Domain[]; error: unknown }>({ domains: [], error: null });
  useEffect(() => {
    let stale = false;
    call('domains:list', {}).then(
      (domains) => !stale && setState({ domains, error: null }),
      (error: unknown) => !stale && setState({ domains: [], error }),
    );
    return () => {
      stale = true;
    };
  }, []);
  return state;
}
