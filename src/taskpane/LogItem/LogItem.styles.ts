import { makeStyles, tokens } from '@fluentui/react-components';

export const useLogItemStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  check: { fontWeight: tokens.fontWeightBold },
  logged: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS, color: tokens.colorPaletteGreenForeground1 },
});
