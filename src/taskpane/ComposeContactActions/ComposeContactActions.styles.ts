import { makeStyles, tokens } from '@fluentui/react-components';

export const useComposeContactActionsStyles = makeStyles({
  buttons: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  muted: { color: tokens.colorNeutralForeground3 },
});
