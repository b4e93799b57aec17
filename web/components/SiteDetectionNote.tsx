import type { UseQueryResult } from '@tanstack/react-query';
import type { SiteDetection } from '../../src/shared/integrations.ts';
import { DEPLOYMENT_LABELS } from '../labels.ts';
import { isSiteUrl } from '../site-url.ts';
import { describeError } from './ErrorNotice.tsx';

/** What the wizard found at the typed URL: checking, Cloud or Server/DC, or why it could not tell. */
export function SiteDetectionNote(props: {
  id: string;
  siteUrl: string;
  query: UseQueryResult<SiteDetection>;
}) {
  const { id, siteUrl, query } = props;
  return (
    <p id={id} className="detect" aria-live="polite">
      {describe(siteUrl, query)}
    </p>
  );
}

function describe(siteUrl: string, query: UseQueryResult<SiteDetection>): string {
  if (siteUrl === '')
    return 'For example https://your-domain.atlassian.net or https://jira.your-company.com.';
  if (!isSiteUrl(siteUrl)) return 'Include the protocol, like https://your-domain.atlassian.net.';
  if (query.isPending) return 'Checking the site…';
  if (query.isError) return `Could not check the site: ${describeError(query.error).message}`;
  const { deployment, version, error } = query.data;
  if (deployment !== null) {
    return `${DEPLOYMENT_LABELS[deployment]}${version === null ? '' : ` ${version}`} detected.`;
  }
  if (error !== null) return `${error.message} ${error.hint}`;
  return 'This site did not say which Jira it is.';
}
