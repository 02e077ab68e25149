import { Alert } from '@/components/Alert';
import { SkeletonText } from '@/components/Skeleton';
import { budgetApi } from '@/features/budget/api';
import { errorMessage } from '@/lib/api';
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

function LoadError({ title, error, retry }: { title: string; error: unknown; retry: () => void }) {
  return (
    <div className="card">
      <Alert title={title}>{errorMessage(error)}</Alert>
      <button type="button" className="btn btn--ghost" onClick={retry}>
        Try again
      </button>
    </div>
  );
}

/** Admins choose the AI provider and the token budget of their organization. */
export function AiSettingsPage() {
  const settings = useQuery('ai-settings', (signal) => aiSettingsApi.get(signal));
  const budget = useQuery('budget', (signal) => budgetApi.get(signal));

  return (
    <div className="page page--narrow">
      <header className="page__header">
        <div>
          <h1 className="page__title">AI settings</h1>
          <p className="page__subtitle">
            The model that answers your organization’s questions, and its budget.
          </p>
        </div>
      </header>
      {settings.error ? (
        <LoadError
          title="Could not load the AI settings"
          error={settings.error}
          retry={settings.reload}
        />
      ) : settings.data ? (
        <AiSettingsForm initial={settings.data} />
      ) : (
        <Loading />
      )}
      {budget.error ? (
        <LoadError title="Could not load the budget" error={budget.error} retry={budget.reload} />
      ) : budget.data ? (
        <BudgetForm initial={budget.data} />
      ) : (
        <Loading />
      )}
    </div>
  );
}
