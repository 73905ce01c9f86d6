import { PageHeader } from '../../components/page-header.tsx';
import { Panel } from '../../components/panel.tsx';
import { ErrorState, SkeletonRows } from '../../components/states.tsx';
import { useProfile } from '../../features/profile/api/use-profile.ts';
import { ProfileForm } from '../../features/profile/components/profile-form.tsx';
import { toUserMessage } from '../../lib/errors.ts';

export function ProfileRoute() {
  const profile = useProfile();
  return (
    <div className="page page-narrow">
      <PageHeader title="Profile" description="How you appear to your team and to customers." />
      <Panel title="Your details">
        {profile.isPending ? (
          <SkeletonRows rows={4} />
        ) : profile.isError ? (
          <ErrorState message={toUserMessage(profile.error)} onRetry={() => void profile.refetch()} />
        ) : (
          <ProfileForm profile={profile.data} />
        )}
      </Panel>
    </div>
  );
}
