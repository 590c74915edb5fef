import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../shared/contract';
import { call } from './api';

export type Lawyer = ChannelOutput<'staff:lawyers'>[number];

/** Lawyers a case can be assigned to (null until known); asked only when the screen offers assignment. */
export function useLawyers(wanted = true): Lawyer[] | null {
  const [lawyers, setLawyers] = useState<Lawyer[] | null>(null);
  useEffect(() => {
    if (!wanted) return;
    let stale = false;
    call('staff:lawyers', {}).then(
      (list) => !stale && setLawyers(list),
      () => !stale && setLawyers([]),
    );
    return () => {
      stale = true;
    };
  }, [wanted]);
  return lawyers;
}
