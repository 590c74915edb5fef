import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureTemplate } from '../../../../../shared/contract/procedures';
import { Banner } from '../../../components/Banner';
import { CheckboxField } from '../../../components/Field';
import { TableHead } from '../../../components/TableHead';
import { call } from '../../../lib/api';
import { errorMessage } from '../../../lib/errors';
import { useFormats } from '../../../lib/format';
import { useLoaded } from '../../../lib/hooks';
import { TemplateDialog } from './TemplateDialog';
import { PanelSection } from '../../../components/PanelSection';

/**
 * Supervisors: the procedure templates lawyers start on a case, each step with its deadline
 * rule (issue #12). Saving makes a new version; procedures already started keep theirs.
 */
export function TemplatesPanel() {
  const { t } = useTranslation();
  const f = useFormats();
  const [showRetired, setShowRetired] = useState(false);
  const { value: templates, error, reload } = useLoaded(
    useCallback(() => call('procedures:templates', { withRetired: true }), []),
    useCallback((e: unknown) => errorMessage(t, e), [t]),
  );
  const [editing, setEditing] = useState<ProcedureTemplate | 'new' | null>(null);
  // The version number, not the sentence: said again in the new language if it changes.
  const [saved, setSaved] = useState<number | null>(null);
  const shown = (templates ?? []).filter((tp) => showRetired || tp.active).sort((a, b) => a.name[f.language].localeCompare(b.name[f.language], f.language));
  return (
    <PanelSection title={t('templates.title')} action={{ label: t('templates.add'), onClick: () => setEditing('new') }} explain={t('templates.explain')} wide>
      <CheckboxField label={t('templates.showRetired')} checked={showRetired} onChange={(e) => setShowRetired(e.currentTarget.checked)} />
      <Banner kind="success">{saved === null ? null : t('templates.saved', { version: f.number(saved) })}</Banner>
      <Banner kind="error">{error}</Banner>
      <div className="table-scroll">
        <table>
          <TableHead columns={[t('templates.name'), t('templates.steps'), t('templates.version'), t('templates.status'), t('templates.savedAt'), t('admin.actions')]} />
          <tbody>
            {shown.map((tp) => (
              <tr key={tp.id}>
                <td>{tp.name[f.language]}</td>
                <td>{f.number(tp.steps.length)}</td>
                <td>{f.number(tp.version)}</td>
                <td>
                  <span className={`badge ${tp.active ? 'badge-step-done' : 'badge-closed'}`}>{t(tp.active ? 'templates.active' : 'templates.retired')}</span>
                  {tp.example && <span className="badge badge-pending">{t('procedures.exampleBadge')}</span>}
                </td>
                <td>{f.clinicDateTime(tp.createdAt)}</td>
                <td>
                  <button type="button" onClick={() => setEditing(tp)}>
                    {t('templates.edit')}
                    <span className="visually-hidden"> — {tp.name[f.language]}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {templates && shown.length === 0 && <p className="muted">{t('templates.none')}</p>}
      {editing && (
        <TemplateDialog
          template={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(tp) => {
            setEditing(null);
            setSaved(tp.version);
            reload();
          }}
        />
      )}
    </PanelSection>
  );
}
