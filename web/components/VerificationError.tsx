import type { IntegrationError } from '../../src/shared/integrations.ts';

/** Why verification failed: the message, and the hint saying what to do about it. */
export function VerificationError(props: { error: IntegrationError }) {
  return (
    <div className="notice notice--error" role="alert" data-code={props.error.code}>
      <p className="notice__title">{props.error.message}</p>
      <p className="notice__hint">{props.error.hint}</p>
    </div>
  );
}
