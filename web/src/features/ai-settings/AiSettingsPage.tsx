import { LoadError } from '@/components/LoadError';
import { PageHeader } from '@/components/PageHeader';
import { SkeletonText } from '@/components/Skeleton';
import { budgetApi } from '@/features/budget/api';
import { useQuery } from '@/lib/use-query';
import { AiSettingsForm } from './AiSettingsForm';
import { aiSettingsApi } from './api';
import { BudgetForm } from './BudgetForm';

function Loading() {
  return (
    <div className="card" role="status" aria-label="Loading">
      <SkeletonText lines={4} />
    </div>
  );
}

/** Admins choose the AI provider and the token budget of their organization. */
export function AiSettingsPage() {
  const settings = useQuery('ai-settings', (signal) => aiSettingsApi.get(signal));
  const budget = useQuery('budget', (signal) => budgetApi.get(signal));

  return (
    <div className="page page--narrow">
      <PageHeader
        title="AI settings"
        subtitle="The model that answers your organization’s questions, and its budget."
      />
      {settings.error ? (
        <LoadError
          title="Could not load the AI settings"
          error={settings.error}
          onRetry={settings.reload}
        />
      ) : settings.data ? (
        <AiSettingsForm initial={settings.data} />
      ) : (
        <Loading />
      )}
      {budget.error ? (
        <LoadError title="Could not load the budget" error={budget.error} onRetry={budget.reload} />
      ) : budget.data ? (
        <BudgetForm initial={budget.data} />
      ) : (
        <Loading />
      )}
    </div>
  );
}
