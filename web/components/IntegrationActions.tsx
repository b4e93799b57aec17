import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { IntegrationView } from '../../src/shared/integrations.ts';
import { deleteIntegration, verifyIntegration } from '../endpoints.ts';
import { keys } from '../queries.ts';
import { integrationHref } from '../routes.ts';
import { navigate } from '../router.ts';
import { watchVerification } from '../verification-watch.ts';
import { ConfirmDelete } from './ConfirmDelete.tsx';
import { ErrorNotice } from './ErrorNotice.tsx';
import { Link } from './Link.tsx';
import { RotateTokenForm } from './RotateTokenForm.tsx';

/** An admin's controls on an integration: verify again, rotate token, edit, delete. */
export function IntegrationActions(props: { integration: IntegrationView }) {
  const { integration } = props;
  const queryClient = useQueryClient();
  const [rotating, setRotating] = useState(false);
  // The lastVerifiedAt seen when "Verify again" was clicked; a newer one means the result is in.
  const [verifiedBefore, setVerifiedBefore] = useState<string | null | undefined>(undefined);
  const verifying = verifiedBefore !== undefined && integration.lastVerifiedAt === verifiedBefore;
  const verify = useMutation({
    mutationFn: () => verifyIntegration(integration.id),
    onSuccess: () => {
      setVerifiedBefore(integration.lastVerifiedAt);
      watchVerification(integration.id, integration.lastVerifiedAt);
      return queryClient.invalidateQueries({ queryKey: keys.integration(integration.id) });
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteIntegration(integration.id),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: keys.integration(integration.id) });
      void queryClient.invalidateQueries({ queryKey: keys.integrations });
      navigate('/integrations', { replace: true });
    },
  });
  return (
    <div className="integration-actions">
      <div className="actions">
        <button
          type="button"
          className="button button--quiet"
          disabled={verify.isPending || verifying || integration.status === 'pending'}
          onClick={() => verify.mutate()}
        >
          {verify.isPending || verifying ? 'Verifying…' : 'Verify again'}
        </button>
        <button
          type="button"
          className="button button--quiet"
          aria-expanded={rotating}
          onClick={() => setRotating((open) => !open)}
        >
          Rotate token
        </button>
        <Link href={integrationHref(integration.id, true)} className="button button--quiet">
          Edit
        </Link>
        <ConfirmDelete
          title={`Delete “${integration.name}”?`}
          confirmLabel="Delete integration"
          busy={remove.isPending}
          onConfirm={() => remove.mutate()}
        >
          <p>
            OwlHub forgets its credentials and deletes everything mirrored from it. Jira itself is
            not touched.
          </p>
        </ConfirmDelete>
      </div>
      {rotating ? (
        <RotateTokenForm integration={integration} onDone={() => setRotating(false)} />
      ) : null}
      {verify.isError ? <ErrorNotice error={verify.error} /> : null}
      {remove.isError ? <ErrorNotice error={remove.error} title="Could not delete" /> : null}
    </div>
  );
}
