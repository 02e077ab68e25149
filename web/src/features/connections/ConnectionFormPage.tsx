import { Link, useNavigate, useParams } from 'react-router';
import { Alert } from '@/components/Alert';
import { PageHeader } from '@/components/PageHeader';
import { PageSkeleton } from '@/components/Skeleton';
import { errorMessage } from '@/lib/api';
import { useQuery } from '@/lib/use-query';
import { connectionsApi } from './api';
import { ConnectionForm } from './ConnectionForm';
import './connections.css';

/** `/connections/new` and `/connections/:id/edit` (admins). */
export function ConnectionFormPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const { data, error } = useQuery(`connection:${id ?? 'new'}`, (signal) =>
    id ? connectionsApi.get(id, signal) : Promise.resolve(undefined),
  );
  const done = (notice?: string) =>
    void navigate('/connections', notice ? { state: { notice } } : undefined);

  return (
    <div className="page">
      <PageHeader
        title={id ? `Edit ${data?.name ?? 'connection'}` : 'Add a connection'}
        subtitle={
          <>
            DataMind builds the connection from these fields and opens it read-only.{' '}
            <Link to="/connections">Back to connections</Link>
          </>
        }
      />
      {error ? (
        <Alert title="Could not load the connection">{errorMessage(error)}</Alert>
      ) : id && !data ? (
        <PageSkeleton />
      ) : data?.managed ? (
        <Alert tone="info">{data.name} is built in and cannot be changed.</Alert>
      ) : (
        <ConnectionForm
          key={id ?? 'new'}
          connection={data}
          onCancel={() => done()}
          onSaved={(c) =>
            done(
              id ? `${c.name} was saved.` : `${c.name} was added; its schema is being discovered.`,
            )
          }
        />
      )}
    </div>
  );
}
