import { makeStyles, tokens } from '@fluentui/react-components';

export const useLogItemStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  check: { fontWeight: tokens.fontWeightBold },
  choice: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalXS },
  muted: { flexBasis: '100%', color: tokens.colorNeutralForeground3 },
  logged: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS, color: tokens.colorPaletteGreenForeground1 },
});
