// Placeholder: being built.
import { PageHeader } from '../common/PageHeader';

export function MyWorkPage() {
  return <PageHeader title="我的待办" />;
}
