import { useTranslation } from 'react-i18next';
import type { UnlockedSession } from '../../../shared/contract/session';
import { Banner } from '../components/Banner';
import { mayCall } from '../lib/roles';
import { routeId, type Page, type Route } from '../lib/route';
import { AccountPage } from './AccountPage';
import { AdminPage } from './AdminPage';
import { AuditPage } from './audit/AuditPage';
import { BeneficiariesPage } from './beneficiaries/BeneficiariesPage';
import { BeneficiaryPage } from './beneficiaries/BeneficiaryPage';
import { EnquiriesPage } from './beneficiaries/EnquiriesPage';
import { IntakePage } from './beneficiaries/IntakePage';
import { CaseCreatePage } from './cases/CaseCreatePage';
import { CasePage } from './cases/CasePage';
import { CasesPage } from './cases/CasesPage';
import { CalendarPage } from './calendar/CalendarPage';
import { DashboardPage } from './DashboardPage';
import { PlaceholderPage } from './PlaceholderPage';
import { SearchPage } from './search/SearchPage';
import { NewPartnerPage, PartnerPage } from './partners/PartnerPage';
import { PartnersPage } from './partners/PartnersPage';
import { ReferralsPage } from './referrals/ReferralsPage';

/** The h1 of a route: the section, or what the sub-page does ("New beneficiary"). */
export function pageTitleKey(page: Page, route: Route): string {
  if (page === 'beneficiaries' && route.sub === 'new') return 'beneficiaries.newTitle';
  if (page === 'beneficiaries' && route.sub === 'enquiries') return 'enquiries.title';
  if (page === 'cases' && route.sub === 'new') return 'cases.newTitle';
  if (page === 'partners' && route.sub === 'new') return 'partners.add';
  return `nav.${page}`;
}

/** Which screen a route shows. Pages a role cannot use are not offered; the core refuses them anyway. */
export function PageContent({ page, route, session, onPasswordChanged }: { page: Page; route: Route; session: UnlockedSession; onPasswordChanged: () => void }) {
  const { t } = useTranslation();
  const role = session.account.role;
  const id = routeId(route);
  const forbidden = <Banner kind="error">{t('errors.FORBIDDEN')}</Banner>;
  switch (page) {
    case 'account':
      return <AccountPage mustChange={session.mustChangePassword} onChanged={onPasswordChanged} />;
    case 'administration':
      return role === 'admin' || role === 'supervisor' ? <AdminPage self={session.account.id} role={role} /> : forbidden;
    case 'audit': {
      if (!mayCall(role, 'audit:list')) return forbidden;
      const idParam = (name: string) => {
        const n = Number(route.params.get(name));
        return Number.isSafeInteger(n) && n > 0 ? n : null;
      };
      const beneficiaryId = idParam('beneficiary');
      const caseId = idParam('case');
      return <AuditPage key={`${beneficiaryId ?? ''}:${caseId ?? ''}`} role={role} beneficiaryId={beneficiaryId} caseId={caseId} />;
    }
    case 'beneficiaries':
      if (route.sub === 'new') return mayCall(role, 'beneficiaries:create') ? <IntakePage /> : forbidden;
      if (route.sub === 'enquiries') return <EnquiriesPage role={role} />;
      if (id !== null) return <BeneficiaryPage key={id} id={id} role={role} signatory={session.account.fullName} />;
      return <BeneficiariesPage role={role} />;
    case 'cases': {
      if (route.sub === 'new') {
        const person = Number(route.params.get('beneficiary'));
        return mayCall(role, 'cases:create') ? <CaseCreatePage beneficiaryId={Number.isInteger(person) && person > 0 ? person : null} role={role} /> : forbidden;
      }
      if (id !== null) return <CasePage key={id} id={id} role={role} />;
      return <CasesPage role={role} />;
    }
    case 'search':
      return <SearchPage query={route.params.get('q') ?? ''} />;
    case 'dashboard':
      return <DashboardPage session={session} />;
    case 'calendar':
      return <CalendarPage role={role} />;
    case 'referrals':
      return <ReferralsPage />;
    case 'partners':
      if (route.sub === 'new') return mayCall(role, 'partners:save') ? <NewPartnerPage /> : forbidden;
      if (id !== null) return <PartnerPage key={id} id={id} role={role} />;
      return <PartnersPage role={role} />;
    default:
      return <PlaceholderPage text={t(`pages.${page}.empty`)} />;
  }
}
