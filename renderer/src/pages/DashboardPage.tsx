import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../shared/contract/cases';
import type { UnlockedSession } from '../../../shared/contract/session';
import type { Task } from '../../../shared/contract/tasks';
import type { MyWork } from '../../../shared/contract/work';
import { DocumentActions } from '../components/DocumentActions';
import { Banner } from '../components/Banner';
import { call } from '../lib/api';
import { errorMessage } from '../lib/errors';
import { CaseLink } from './cases/CaseLink';
import { WorkLists } from './WorkLists';
import { TeamPanel } from './TeamPanel';
import { TaskList } from './cases/TasksPanel';
import { BackupHomeCard } from './admin/BackupHomeCard';
import { RecoveryCheckCard } from './admin/RecoveryCheck';
import { WaitingReferralsCard } from './referrals/WaitingReferralsCard';

/**
 * The home page ("my work"). First what was given to this person and not yet opened (issue
 * #10), then the deadlines overdue and due this week and the cases with nothing ahead (#12).
 */
export function DashboardPage({ session }: { session: UnlockedSession }) {
  const { t } = useTranslation();
  const [assigned, setAssigned] = useState<CaseSummary[] | null>(null);
  const [work, setWork] = useState<MyWork | null>(null);
  const [tasks, setTasks] = useState<Task[] | null>(null);
  const loadTasks = () => void call('tasks:list', {}).then(setTasks, setError);
  const [error, setError] = useState<unknown>(null);
  const oversees = session.account.role === 'supervisor' || session.account.role === 'admin';
  // A supervisor sees the whole team's work, or one lawyer's once chosen.
  const [lawyerId, setLawyerId] = useState<number | undefined>(undefined);
  useEffect(() => {
    call('cases:newlyAssigned', {}).then(setAssigned, setError);
    loadTasks();
  }, []);
  useEffect(() => {
    call('work:mine', lawyerId === undefined ? {} : { lawyerId }).then(setWork, setError);
  }, [lawyerId]);

  return (
    <>
      <p className="explain">{t('pages.dashboard.welcome', { name: session.account.fullName })}</p>
      {error ? <Banner kind="error">{errorMessage(t, error)}</Banner> : null}
      {session.account.role === 'admin' && <BackupHomeCard />}
      {session.account.role === 'admin' && <RecoveryCheckCard />}
      {assigned && assigned.length > 0 && (
        <section className="panel wide" aria-labelledby="new-assigned-title">
          <h2 id="new-assigned-title">{t('pages.dashboard.newlyAssigned', { count: assigned.length })}</h2>
          <p className="explain">{t('pages.dashboard.newlyAssignedExplain')}</p>
          <ul className="result-list" aria-labelledby="new-assigned-title">
            {assigned.map((c) => (
              <li key={c.id}>
                <CaseLink c={c} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {oversees && <TeamPanel lawyerId={lawyerId} onLawyer={setLawyerId} />}
      {work && session.account.role !== 'intake' && (
        <div className="row">
          <DocumentActions label={t('documents.deadlineSheet')} generate={(language) => call('documents:deadlineSheet', { ...(lawyerId === undefined ? {} : { lawyerId }), language })} />
        </div>
      )}
      {work && <WorkLists work={work} />}
      <WaitingReferralsCard oversees={oversees} />
      {tasks && tasks.length > 0 && (
        <section className="panel wide" aria-labelledby="my-tasks">
          <h2 id="my-tasks">{t('tasks.mine', { count: tasks.length })}</h2>
          <TaskList tasks={tasks} withCase onToggle={(task) => void call('tasks:setDone', { id: task.id, done: task.status !== 'done' }).then(loadTasks, setError)} />
        </section>
      )}
    </>
  );
}
