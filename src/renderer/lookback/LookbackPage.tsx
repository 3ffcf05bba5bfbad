// Placeholder: being built.
import { PageHeader } from '../common/PageHeader';

export function LookbackPage() {
  return <PageHeader title="回头看" />;
}
