import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Activity, ActivityRevision } from '../../../../shared/contract/activities';
import { ACTIVITY_KINDS, type ActivityKind } from '../../../../shared/domain/activity';
import { Banner } from '../../components/Banner';
import { Dialog } from '../../components/Dialog';
import { SelectField } from '../../components/Field';
import { TypedText } from '../../components/TypedText';
import { call } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { isolate, useFormats } from '../../lib/format';
import { ActivityDialog } from './ActivityDialog';

type Open = { kind: 'new' } | { kind: 'edit'; activity: Activity } | { kind: 'versions'; activity: Activity } | null;

/**
 * The case's follow-up (issue #12): its activities, newest first, filterable by kind. Anyone who
 * sees the case may record one (the core enforces who sees what, restricted ones included).
 */
export function ActivitiesPanel({ caseId, onChanged }: { caseId: number; onChanged?: () => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const [kind, setKind] = useState<ActivityKind | ''>('');
  const [items, setItems] = useState<Activity[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [open, setOpen] = useState<Open>(null);

  const load = useCallback(
    async (cursor?: string) => {
      try {
        const page = await call('activities:list', { caseId, ...(kind ? { kind } : {}), ...(cursor ? { cursor } : {}), limit: 50 });
        setItems((before) => (cursor ? [...(before ?? []), ...page.items] : page.items));
        setNext(page.nextCursor);
        setError(null);
      } catch (e) {
        setError(errorMessage(t, e));
      }
    },
    [caseId, kind, t],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const saved = (text: string) => {
    setOpen(null);
    setNotice(text);
    void load();
    onChanged?.();
  };

  return (
    <section className="panel wide" aria-labelledby={titleId}>
      <div className="panel-head">
        <h2 id={titleId}>{t('activities.title')}</h2>
        <button type="button" className="primary" onClick={() => setOpen({ kind: 'new' })}>
          {t('activities.record')}
        </button>
      </div>
      <div className="filters">
        <SelectField
          label={t('activities.filterKind')}
          value={kind}
          onChange={(e) => setKind(e.target.value as ActivityKind | '')}
          options={[{ value: '', label: t('activities.allKinds') }, ...ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`enums.activityKind.${k}`) }))]}
        />
      </div>
      <Banner kind="success">{notice}</Banner>
      <Banner kind="error">{error}</Banner>
      {items === null ? (
        <p className="loading">{t('common.loading')}</p>
      ) : items.length === 0 ? (
        <p className="muted">{kind ? t('activities.emptyKind') : t('activities.empty')}</p>
      ) : (
        <ol className="timeline">
          {items.map((a) => (
            <ActivityItem key={a.id} activity={a} onEdit={() => setOpen({ kind: 'edit', activity: a })} onVersions={() => setOpen({ kind: 'versions', activity: a })} />
          ))}
        </ol>
      )}
      {next && (
        <button type="button" className="link" onClick={() => void load(next)}>
          {t('activities.more')}
        </button>
      )}
      {(open?.kind === 'new' || open?.kind === 'edit') && (
        <ActivityDialog
          caseId={caseId}
          editing={open.kind === 'edit' ? open.activity : null}
          onClose={() => setOpen(null)}
          onSaved={() => saved(open.kind === 'edit' ? t('activities.updated') : t('activities.saved'))}
        />
      )}
      {open?.kind === 'versions' && <VersionsDialog activity={open.activity} onClose={() => setOpen(null)} />}
    </section>
  );
}

function ActivityItem({ activity: a, onEdit, onVersions }: { activity: Activity; onEdit: () => void; onVersions: () => void }) {
  const { t } = useTranslation();
  const f = useFormats();
  const headingId = useId();
  const what = a.kind === 'accompaniment' && a.accompanimentTo ? `${t('enums.activityKind.accompaniment')} — ${t(`enums.accompanimentPlace.${a.accompanimentTo}`)}` : t(`enums.activityKind.${a.kind}`);
  return (
    <li>
      <article aria-labelledby={headingId} className="activity">
        <div className="activity-head">
          <h3 id={headingId}>{what}</h3>
          <span className="muted">
            <time dateTime={a.occurredAt}>
              {f.date(a.date)} <bdi dir="ltr">{a.time}</bdi>
            </time>
            {' · '}
            {t('activities.durationShort', { minutes: f.number(a.durationMinutes) })}
            {' · '}
            {t('activities.by', { name: isolate(a.author) })}
            {a.language ? ` · ${f.spokenLanguage(a.language)}` : ''}
          </span>
          {a.interpreter && <span className="badge badge-reason">{t('activities.interpreterBadge')}</span>}
          {a.restricted && <span className="badge badge-sensitive">{t('activities.restrictedBadge')}</span>}
        </div>
        <div className="activity-notes">
          <TypedText text={a.notes} />
        </div>
        {a.nextAction && (
          <p className="next-action">
            {a.nextActionDate ? t('activities.nextLineDate', { date: f.date(a.nextActionDate), action: isolate(a.nextAction) }) : t('activities.nextLine', { action: isolate(a.nextAction) })}
          </p>
        )}
        <div className="row">
          {a.editedAt && (
            <>
              <span className="muted">{t('activities.edited', { date: f.dateTime(a.editedAt), name: isolate(a.editedBy ?? '') })}</span>
              <button type="button" className="link inline" onClick={onVersions}>
                {t('activities.showVersions')}
              </button>
            </>
          )}
          {a.canEdit && (
            <button type="button" onClick={onEdit} aria-describedby={headingId}>
              {t('activities.edit')}
            </button>
          )}
        </div>
      </article>
    </li>
  );
}

function VersionsDialog({ activity, onClose }: { activity: Activity; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useFormats();
  const [versions, setVersions] = useState<ActivityRevision[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('activities:history', { id: activity.id }).then(setVersions, (e: unknown) => setError(errorMessage(t, e)));
  }, [activity.id, t]);
  return (
    <Dialog open wide title={t('activities.versionsTitle')} onClose={onClose}>
      <Banner kind="error">{error}</Banner>
      {versions && (
        <ol className="timeline">
          {[...versions].reverse().map((v) => (
            <li key={v.revision}>
              <h3>{t('activities.version', { n: v.revision, date: f.dateTime(v.writtenAt), name: isolate(v.writtenBy) })}</h3>
              <p className="muted">
                {t(`enums.activityKind.${v.fields.kind}`)} · {f.date(v.fields.date)} <bdi dir="ltr">{v.fields.time}</bdi> · {t('activities.durationShort', { minutes: f.number(v.fields.durationMinutes) })}
              </p>
              <div className="activity-notes">
                <TypedText text={v.fields.notes} />
              </div>
            </li>
          ))}
        </ol>
      )}
      <div className="row">
        <button type="button" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </Dialog>
  );
}
