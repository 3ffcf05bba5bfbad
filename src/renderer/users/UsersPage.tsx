// Placeholder: being built.
import { PageHeader } from '../common/PageHeader';

export function UsersPage() {
  return <PageHeader title="用户管理" />;
}
