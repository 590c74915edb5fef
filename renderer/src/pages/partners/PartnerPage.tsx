import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartnerDetail } from '../../../../shared/contract/partners';
import type { Role } from '../../../../shared/domain/roles';
import { Banner } from '../../components/Banner';
import { Dialog } from '../../components/Dialog';
import { FactsGrid } from '../../components/FactsGrid';
import { TableHead } from '../../components/TableHead';
import { TypedText } from '../../components/TypedText';
import { call } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { useDraftState } from '../../lib/drafts';
import { setFlash, takeFlash } from '../../lib/flash';
import { isolate, useFormats } from '../../lib/format';
import { mayCall } from '../../lib/roles';
import { href, navigate } from '../../lib/route';
import { useServices } from '../../lib/services';
import { PartnerForm } from './PartnerForm';
import { PartnerReferrals } from './PartnerReferrals';

/** A new partner (#/partners/new). */
export function NewPartnerPage() {
  const { t } = useTranslation();
  return (
    <section className="panel wide" aria-label={t('partners.add')}>
      <PartnerForm
        partner={null}
        onCancel={() => navigate(href('partners'))}
        onSaved={(saved) => {
          setFlash(t('partners.saved', { name: saved.name }));
          navigate(href('partners', saved.id));
        }}
      />
    </section>
  );
}

/** One partner (#/partners/12): what the directory knows, and for supervisors, edit it. */
export function PartnerPage({ id, role }: { id: number; role: Role }) {
  const { t } = useTranslation();
  const f = useFormats();
  const { services } = useServices();
  const [partner, setPartner] = useState<PartnerDetail | null>(null);
  const [note, setNote] = useState<{ kind: 'error' | 'success'; text: string } | null>(() => {
    const flash = takeFlash();
    return flash ? { kind: 'success', text: flash } : null;
  });
  const [editing, setEditing] = useDraftState(`partner:${id}:editing`, false);
  const [removing, setRemoving] = useState(false);
  const canEdit = mayCall(role, 'partners:save');

  const load = useCallback(async () => {
    try {
      setPartner(await call('partners:get', { id }));
    } catch (error) {
      setNote({ kind: 'error', text: errorMessage(t, error) });
    }
  }, [id, t]);
  useEffect(() => void load(), [load]);

  if (!partner) return note ? <Banner kind="error">{note.text}</Banner> : null;

  const none = t('person.none');
  const serviceName = (sid: number) => {
    const s = services.find((x) => x.id === sid);
    return s ? f.domain(s) : '';
  };
  const agreement = partner.agreement
    ? [t('common.yes'), partner.agreementFrom && t('partners.since', { date: f.date(partner.agreementFrom) }), partner.agreementTo && t('partners.until', { date: f.date(partner.agreementTo) })].filter(Boolean).join(' · ')
    : t('common.no');
  const rows: [string, ReactNode][] = [
    [t('partners.kind'), t(`enums.partnerKind.${partner.kind}`)],
    [t('partners.services'), f.list(partner.serviceIds.map(serviceName).filter(Boolean)) || none],
    // Each place isolated: "وجدة" beside "Berkane" must not reorder the list around it.
    [t('partners.places'), f.list(partner.places.map(isolate)) || none],
    [t('partners.languages'), f.list(partner.languages.map(f.spokenLanguage)) || none],
    [t('partners.phone'), partner.phone ? <bdi dir="ltr">{partner.phone}</bdi> : none],
    [t('partners.email'), partner.email ? <bdi dir="ltr">{partner.email}</bdi> : none],
    [t('partners.openingHours'), partner.openingHours ? <bdi>{partner.openingHours}</bdi> : none],
    [t('partners.address'), partner.address ? <TypedText text={partner.address} /> : none],
    [t('partners.agreement'), agreement],
    [t('partners.givesFeedback'), partner.givesFeedback ? t('common.yes') : t('common.no')],
    [t('partners.answerDays'), partner.answerDays === null ? t('partners.defaultAnswer') : f.amount(partner.answerDays, 'days')],
  ];

  const setActive = async (active: boolean) => {
    setNote(null);
    try {
      setPartner(await call('partners:setActive', { id, active }));
      setNote({ kind: 'success', text: t(active ? 'partners.reactivated' : 'partners.deactivated') });
    } catch (error) {
      setNote({ kind: 'error', text: errorMessage(t, error) });
    }
  };
  const remove = async () => {
    try {
      await call('partners:remove', { id });
      setFlash(t('partners.removed', { name: partner.name }));
      navigate(href('partners'));
    } catch (error) {
      setRemoving(false);
      setNote({ kind: 'error', text: errorMessage(t, error) });
    }
  };

  return (
    <>
      <div className="row page-actions">
        <a className="button" href={href('partners')}>
          {t('partners.back')}
        </a>
        {canEdit && !editing && (
          <>
            <button type="button" className="primary" onClick={() => setEditing(true)}>
              {t('partners.edit')}
            </button>
            <button type="button" onClick={() => void setActive(!partner.active)}>
              {t(partner.active ? 'partners.deactivate' : 'partners.reactivate')}
            </button>
            <button type="button" className="danger" onClick={() => setRemoving(true)}>
              {t('partners.remove')}
            </button>
          </>
        )}
      </div>
      <section className="panel wide" aria-labelledby="partner-title">
        <h2 id="partner-title">
          <bdi>{partner.name}</bdi> {!partner.active && <span className="badge badge-closed">{t('partners.inactive')}</span>}
        </h2>
        {note && <Banner kind={note.kind}>{note.text}</Banner>}
        {editing ? (
          <PartnerForm
            partner={partner}
            onCancel={() => setEditing(false)}
            onSaved={(saved) => {
              setPartner(saved);
              setEditing(false);
              setNote({ kind: 'success', text: t('partners.saved', { name: saved.name }) });
            }}
          />
        ) : (
          <>
            <FactsGrid rows={rows} />
            <h3>{t('partners.contacts')}</h3>
            {partner.contacts.length === 0 ? (
              <p className="empty">{t('partners.noContacts')}</p>
            ) : (
              <table>
                <TableHead columns={[t('partners.contactName'), t('partners.contactRole'), t('partners.phone'), t('partners.email')]} />
                <tbody>
                  {partner.contacts.map((c, i) => (
                    <tr key={`${c.name}-${i}`}>
                      <td>
                        <bdi>{c.name}</bdi>
                      </td>
                      <td>
                        <bdi>{c.role}</bdi>
                      </td>
                      <td dir="ltr" className="cell-ltr">{c.phone}</td>
                      <td dir="ltr" className="cell-ltr">{c.email}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <h3>{t('partners.notes')}</h3>
            {partner.notes ? <TypedText text={partner.notes} /> : <p className="empty">{none}</p>}
            <p className="explain">{t('partners.updated', { date: f.dateTime(partner.updatedAt), name: partner.updatedBy })}</p>
          </>
        )}
      </section>
      {!editing && <PartnerReferrals partnerId={id} />}
      {removing && (
        <Dialog open title={t('partners.removeTitle', { name: partner.name })} onClose={() => setRemoving(false)}>
          <p>{t('partners.removeExplain')}</p>
          <div className="row">
            <button type="button" className="danger" onClick={() => void remove()}>
              {t('partners.removeConfirm')}
            </button>
            <button type="button" onClick={() => setRemoving(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}
