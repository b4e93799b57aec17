import type { IntegrationStatus } from '../../src/shared/integrations.ts';

const LABELS: Record<IntegrationStatus, string> = {
  pending: 'Pending',
  connected: 'Connected',
  failed: 'Failed',
};

// A symbol as well as a colour, so the status does not depend on seeing colour.
const SYMBOLS: Record<IntegrationStatus, string> = { pending: '◌', connected: '●', failed: '✕' };

/** An integration's status as a coloured pill with a symbol and a word. */
export function StatusBadge(props: { status: IntegrationStatus }) {
  return (
    <span className={`badge badge--${props.status}`} data-status={props.status}>
      <span aria-hidden="true">{SYMBOLS[props.status]}</span> {LABELS[props.status]}
    </span>
  );
}
