import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Referral } from '../../../../shared/contract/referrals';
import { DocumentActions } from '../../components/DocumentActions';
import { call } from '../../lib/api';

const SECTIONS = ['identity', 'contact', 'facts', 'documents'] as const;
type Sections = Record<(typeof SECTIONS)[number], boolean>;
const IDENTIFYING = new Set(['identity', 'contact', 'documents']);

/**
 * The referral slip (issue #14): minimal by default; the writer ticks what the partner needs.
 * An anonymous referral cannot carry identifying sections (the core refuses them too).
 */
export function SlipActions({ referral }: { referral: Referral }) {
  const { t } = useTranslation();
  const legendId = useId();
  const [sections, setSections] = useState<Sections>({ identity: false, contact: false, facts: false, documents: false });
  const anonymous = referral.sharing === 'anonymous';
  return (
    <details className="slip">
      <summary>{t('referrals.slip')}</summary>
      <fieldset className="radio-group" aria-labelledby={legendId}>
        <legend id={legendId}>{t('referrals.slipSections')}</legend>
        <p className="hint">{t('referrals.slipHint')}</p>
        {SECTIONS.map((k) => (
          <label className="checkbox" key={k}>
            <input type="checkbox" checked={sections[k]} disabled={anonymous && IDENTIFYING.has(k)} onChange={(e) => setSections((v) => ({ ...v, [k]: e.target.checked }))} />
            <span>{t(`referrals.slipSection.${k}`)}</span>
          </label>
        ))}
      </fieldset>
      <DocumentActions label={t('referrals.slip')} generate={(language) => call('documents:referralSlip', { referralId: referral.id, language, sections })} />
    </details>
  );
}
