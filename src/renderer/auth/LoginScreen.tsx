// Placeholder: being built.
import type { CourtProfile, SessionUser } from '../../shared/model';

export function LoginScreen({ court }: { court: CourtProfile; hasUsers: boolean; onLoggedIn(user: SessionUser): void }) {
  return <div>{court.name}</div>;
}
