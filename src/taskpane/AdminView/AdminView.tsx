import { useCallback, useState } from 'react';
import { ActivationSection } from './ActivationSection';
import { useAdminViewStyles } from './AdminView.styles';
import { DoctorSection } from './DoctorSection';
import { SyncPolicySection } from './SyncPolicySection';
import { UserStatusList } from './UserStatusList';

/** For admins (loaded on demand): activation with the App ID, the admin-consent link, what users may choose, per-user status, the setup check. */
export function AdminView() {
  const styles = useAdminViewStyles();
  // Activation changes what users can do: their status is read again.
  const [changes, setChanges] = useState(0);
  const onChanged = useCallback(() => setChanges((count) => count + 1), []);
  return (
    <div className={styles.root}>
      <ActivationSection onChanged={onChanged} />
      <SyncPolicySection />
      <UserStatusList refreshKey={changes} />
      <DoctorSection />
    </div>
  );
}
