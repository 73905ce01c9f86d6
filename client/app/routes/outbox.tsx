import { PageHeader } from '../../components/page-header.tsx';
import { Panel } from '../../components/panel.tsx';
import { Alert } from '../../components/states.tsx';
import { useEmailSettings } from '../../features/email/api/use-email-settings.ts';
import { OutboxList } from '../../features/email/components/outbox-list.tsx';

export function OutboxRoute() {
  const settings = useEmailSettings();
  return (
    <div className="page">
      <PageHeader
        title="Dev outbox"
        description={
          <>
            <span className="chip chip-dev">Development</span> Emails “sent” without a SendGrid key. They never left Switchboard.
          </>
        }
      />
      {settings.data?.mode === 'sendgrid' ? (
        <Alert tone="info">SendGrid is configured: new emails go out for real. Emails caught before that are listed here.</Alert>
      ) : (
        <Alert tone="warning">
          <strong>No SendGrid key.</strong> Emails go here instead of to your contacts. An admin adds the key in Settings → Email.
        </Alert>
      )}
      <Panel title="Caught emails" flush>
        <OutboxList />
      </Panel>
    </div>
  );
}
