import type { IntegrationView } from '../../src/shared/integrations.ts';
import { AUTH_TYPE_LABELS, DEPLOYMENT_LABELS, formatTime } from '../labels.ts';
import { Fact } from './Fact.tsx';

/** What the integration is connected to: account, deployment, access, and how OwlHub signs in. */
export function IntegrationFacts(props: { integration: IntegrationView }) {
  const { account, deploymentInfo, access } = props.integration;
  const i = props.integration;
  // After a failure the server keeps what the last good verification found; say it may be out of date.
  const asOf =
    i.status === 'failed' ? <p className="muted">As of the last successful verification.</p> : null;
  return (
    <div className="facts">
      <section className="card" aria-labelledby="facts-account">
        <h2 id="facts-account">Account</h2>
        {account === null ? (
          <p className="muted">Known once the credentials are verified.</p>
        ) : (
          <>
            {asOf}
            <dl>
              <Fact term="Name" value={account.displayName} />
              <Fact term="Email" value={account.emailAddress} />
              <Fact term="Username" value={account.username} />
              <Fact term="Account ID" value={account.accountId} />
              <Fact term="Time zone" value={account.timeZone} />
            </dl>
          </>
        )}
      </section>
      <section className="card" aria-labelledby="facts-deployment">
        <h2 id="facts-deployment">Deployment</h2>
        <dl>
          <Fact
            term="Kind"
            value={i.deployment === null ? 'Not known yet' : DEPLOYMENT_LABELS[i.deployment]}
          />
          <Fact term="Version" value={deploymentInfo?.version ?? null} />
          <Fact term="Base URL" value={deploymentInfo?.baseUrl ?? i.siteUrl} />
          <Fact term="Title" value={deploymentInfo?.serverTitle ?? null} />
        </dl>
      </section>
      <section className="card" aria-labelledby="facts-access">
        <h2 id="facts-access">Access</h2>
        {access === null ? (
          <p className="muted">Known once the credentials are verified.</p>
        ) : (
          <>
            {asOf}
            <p>
              {access.visibleProjects} visible project{access.visibleProjects === 1 ? '' : 's'}
            </p>
            <ul className="permissions">
              {Object.entries(access.permissions).map(([permission, granted]) => (
                <li key={permission} className={granted ? 'granted' : 'denied'}>
                  <span aria-hidden="true">{granted ? '✓' : '✕'}</span> {permission}{' '}
                  <span className="sr-only">{granted ? 'granted' : 'not granted'}</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section className="card" aria-labelledby="facts-credentials">
        <h2 id="facts-credentials">Credentials</h2>
        <dl>
          <Fact term="Sign-in" value={AUTH_TYPE_LABELS[i.authType]} />
          <Fact term="Email" value={i.email} />
          <Fact term="Username" value={i.username} />
          <Fact term="Token" value={showHint(i.tokenHint)} />
          <Fact term="Last verified" value={formatTime(i.lastVerifiedAt)} />
        </dl>
      </section>
    </div>
  );
}

/** The server sends the last few characters; the dots say that the rest is withheld. */
function showHint(hint: string | null): string | null {
  if (hint === null) return null;
  return hint.length <= 4 ? `••••${hint}` : hint;
}
