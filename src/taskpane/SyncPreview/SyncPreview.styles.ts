import { makeStyles, tokens } from '@fluentui/react-components';

export const useSyncPreviewStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  button: { alignSelf: 'flex-start' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  counts: { display: 'grid', gridTemplateColumns: '1fr auto', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS, margin: 0 },
  row: { display: 'contents' },
  label: { display: 'flex', flexDirection: 'column' },
  count: { margin: 0, fontWeight: tokens.fontWeightSemibold, textAlign: 'end' },
  muted: { color: tokens.colorNeutralForeground3 },
});
