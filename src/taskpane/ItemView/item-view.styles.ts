import { makeStyles, tokens } from '@fluentui/react-components';

/** The read and appointment views: their parts one under the other. */
export const useItemViewStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  muted: { color: tokens.colorNeutralForeground3 },
});
