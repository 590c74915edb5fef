import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BeneficiarySummary } from '../../../shared/contract/beneficiaries';
import { useCandidates } from '../lib/candidates';
import { errorMessage } from '../lib/errors';
import { personName } from '../lib/format';
import { Banner } from './Banner';
import { CandidateList } from './CandidateList';
import { TextField } from './Field';

/** Finds a registered person (same search as intake) and hands back the one chosen. */
export function PersonPicker({ exclude, onPick }: { exclude?: number; onPick: (person: BeneficiarySummary) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const { candidates, searching, error } = useCandidates(text);
  const shown = (candidates ?? []).filter((c) => c.beneficiary.id !== exclude);
  return (
    <div className="person-picker">
      <TextField
        label={t('beneficiaries.findPerson')}
        hint={t('beneficiaries.findPersonHint')}
        type="search"
        autoComplete="off"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      {error ? <Banner kind="error">{errorMessage(t, error)}</Banner> : null}
      <p role="status" className="hint">
        {searching ? t('beneficiaries.searching') : candidates && shown.length === 0 ? t('beneficiaries.noCandidates') : ''}
      </p>
      {shown.length > 0 && (
        <CandidateList
          label={t('beneficiaries.candidates')}
          candidates={shown}
          action={(c) => (
            <button type="button" onClick={() => onPick(c.beneficiary)} aria-label={t('beneficiaries.chooseName', { name: personName(c.beneficiary) })}>
              {t('beneficiaries.choose')}
            </button>
          )}
        />
      )}
    </div>
  );
}
