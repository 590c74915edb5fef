import { useEffect, useState } from 'react';
import type { BeneficiaryInput, Candidate } from '../../../shared/contract/beneficiaries';
import { normalizePhone } from '../../../shared/search/phone';
import { call } from './api';
import { useDebounced } from './hooks';

const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]/;

/**
 * What the person typed in the one search box, as the candidates channel wants it: words are
 * a name; anything with digits may be a phone number (when it reads as one) or a document
 * number, so it is sent as both.
 */
export function candidateQuery(text: string): { name: string; phone: string; documentNumber: string } {
  const q = text.trim();
  if (!/[\d\u0660-\u0669\u06F0-\u06F9]/.test(q)) return { name: q, phone: '', documentNumber: '' };
  return { name: '', phone: normalizePhone(q) !== null ? q : '', documentNumber: q.length <= 60 ? q : '' };
}

/** The new person's form starts from what was searched: a name goes to the field of its script. */
export function prefillFrom(text: string): Partial<BeneficiaryInput> {
  const { name, phone, documentNumber } = candidateQuery(text);
  if (name) return ARABIC_SCRIPT.test(name) ? { arabicName: name } : { latinName: name };
  if (phone) return { phone };
  if (documentNumber) return { documents: [{ type: 'passport', number: documentNumber, expiry: '' }] };
  return {};
}

export function isArabicScript(text: string): boolean {
  return ARABIC_SCRIPT.test(text);
}

/** Candidates for what is being typed, asked for once typing pauses. */
export function useCandidates(text: string, delayMs = 300): { candidates: Candidate[] | null; searching: boolean; error: unknown } {
  const settled = useDebounced(text.trim(), delayMs);
  const [state, setState] = useState<{ for: string; candidates: Candidate[] | null; error: unknown }>({ for: '', candidates: null, error: null });
  useEffect(() => {
    if (settled.length < 2) {
      setState({ for: settled, candidates: null, error: null });
      return;
    }
    let stale = false;
    call('beneficiaries:candidates', candidateQuery(settled)).then(
      (candidates) => !stale && setState({ for: settled, candidates, error: null }),
      (error: unknown) => !stale && setState({ for: settled, candidates: null, error }),
    );
    return () => {
      stale = true;
    };
  }, [settled]);
  const searching = text.trim().length >= 2 && (settled !== text.trim() || state.for !== settled);
  return { candidates: state.for === settled ? state.candidates : null, searching, error: state.error };
}
