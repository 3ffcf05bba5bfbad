// 应报法院 (#/subordinates, for high and intermediate courts): the roster of courts this court
// supervises with each one's sync state. The page lives in ../province/RosterPage.tsx.
import { RosterPage } from '../province/RosterPage';

export function SubordinatesPage() {
  return <RosterPage />;
}
