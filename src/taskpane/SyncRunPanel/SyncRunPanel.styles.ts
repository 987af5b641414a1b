import { makeStyles, tokens } from '@fluentui/react-components';

export const useSyncRunPanelStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  button: { alignSelf: 'flex-start' },
  result: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  failures: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  failuresHeading: { margin: 0, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  muted: { display: 'block', color: tokens.colorNeutralForeground3 },
});
