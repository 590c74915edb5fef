import { useTranslation } from 'react-i18next';
import { Banner } from '../../components/Banner';
import { CandidateList } from '../../components/CandidateList';
import { TextField } from '../../components/Field';
import { call } from '../../lib/api';
import { prefillFrom, useCandidates } from '../../lib/candidates';
import { dropDrafts, useDraftState } from '../../lib/drafts';
import { errorMessage } from '../../lib/errors';
import { setFlash } from '../../lib/flash';
import { personName } from '../../lib/format';
import { href, navigate } from '../../lib/route';
import { BeneficiaryForm } from './BeneficiaryForm';

/**
 * Intake starts with a search: the person may already be known, under another spelling or in
 * the other script. Only when none of the candidates is them does the form open, pre-filled
 * with what was typed.
 */
export function IntakePage() {
  const { t } = useTranslation();
  // Kept across a lock: the search typed, and whether the form was open (lib/drafts.ts).
  const [text, setText] = useDraftState('intake:text', '');
  const [creating, setCreating] = useDraftState('intake:creating', false);
  const { candidates, searching, error } = useCandidates(text);

  if (creating) {
    return (
      <section className="panel wide" aria-labelledby="new-person-title">
        <h2 id="new-person-title">{t('beneficiaries.createTitle')}</h2>
        <BeneficiaryForm
          initial={prefillFrom(text)}
          draftKey="intake:form"
          submitLabel={t('beneficiaries.register')}
          onCancel={() => {
            dropDrafts('intake:form');
            setCreating(false);
          }}
          onSubmit={async (values) => {
            const created = await call('beneficiaries:create', values);
            dropDrafts('intake:');
            setFlash(t('beneficiaries.created'));
            navigate(href('beneficiaries', created.id));
          }}
        />
      </section>
    );
  }

  return (
    <section className="panel wide" aria-labelledby="intake-search-title">
      <h2 id="intake-search-title">{t('beneficiaries.searchTitle')}</h2>
      <p className="explain">{t('beneficiaries.searchExplain')}</p>
      <TextField label={t('beneficiaries.searchLabel')} type="search" autoComplete="off" value={text} onChange={(e) => setText(e.target.value)} />
      {error ? <Banner kind="error">{errorMessage(t, error)}</Banner> : null}
      <p role="status" className="hint">
        {searching ? t('beneficiaries.searching') : candidates?.length === 0 ? t('beneficiaries.noCandidates') : ''}
      </p>
      {candidates && candidates.length > 0 && (
        <>
          <h3>{t('beneficiaries.candidates')}</h3>
          <CandidateList
            label={t('beneficiaries.candidates')}
            candidates={candidates}
            action={(c) => (
              <a className="button" href={href('beneficiaries', c.beneficiary.id)} aria-label={t('beneficiaries.openRecord', { name: personName(c.beneficiary) })}>
                {t('beneficiaries.open')}
              </a>
            )}
          />
        </>
      )}
      <div className="row">
        <button type="button" className="primary" disabled={text.trim().length < 2 || searching} onClick={() => setCreating(true)}>
          {t('beneficiaries.createNew')}
        </button>
      </div>
    </section>
  );
}
