import type { SessionInfo } from '../../shared/contract/session';
import type { Language } from '../../shared/domain/languages';
import type { Role } from '../../shared/domain/roles';

/** One window's session. The core keeps it; the renderer only ever sees `SessionInfo`. */
export interface Session {
  readonly clientId: string;
  readonly accountId: number;
  readonly username: string;
  fullName: string;
  role: Role;
  language: Language;
  state: 'unlocked' | 'locked';
  mustChangePassword: boolean;
  lastActivityMs: number;
}

export function sessionInfo(session: Session | undefined, idleLockMinutes: number): SessionInfo {
  if (!session) return { state: 'none' };
  if (session.state === 'locked') {
    return { state: 'locked', username: session.username, fullName: session.fullName, language: session.language };
  }
  return {
    state: 'unlocked',
    account: {
      id: session.accountId,
      username: session.username,
      fullName: session.fullName,
      role: session.role,
      language: session.language,
    },
    idleLockMinutes,
    mustChangePassword: session.mustChangePassword,
  };
}
