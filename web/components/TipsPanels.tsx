/** The Tips and Troubleshooting panels of the Jira settings page, with the seed's advice. */
export function TipsPanels() {
  return (
    <div className="panels">
      <section className="panel" aria-labelledby="tips-heading">
        <h2 id="tips-heading">Tips</h2>
        <ul>
          <li>
            Prior to initiating the integration, ensure you have your Jira API token ready. You can
            generate this from your Jira account settings.
          </li>
          <li>
            API tokens should be treated with utmost confidentiality. Refrain from disclosing them,
            and regenerate immediately if there&apos;s a suspicion of any unauthorized access.
          </li>
          <li>
            Periodically, review the permissions linked to your API token in Jira to confirm it
            possesses the required rights for your operations.
          </li>
        </ul>
      </section>
      <section className="panel" aria-labelledby="troubleshooting-heading">
        <h2 id="troubleshooting-heading">Troubleshooting</h2>
        <p>If you encounter difficulties during the integration:</p>
        <ol>
          <li>Confirm that your API Token is active and valid.</li>
          <li>
            Check the permissions and scope of your API token within Jira to ensure compatibility
            with platform requirements.
          </li>
          <li>
            If problems persist, consider regenerating your API token in Jira and attempting
            integration anew.
          </li>
          <li>Always feel free to reach out to support for specialized guidance.</li>
        </ol>
      </section>
    </div>
  );
}
