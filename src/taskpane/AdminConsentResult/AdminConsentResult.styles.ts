import { makeStyles, tokens } from '@fluentui/react-components';

export const useAdminConsentResultStyles = makeStyles({
  root: { padding: tokens.spacingVerticalL, maxWidth: '40rem' },
});
