import { makeStyles, tokens } from '@fluentui/react-components';

export const useCreateActionFormStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  times: { display: 'flex', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  buttons: { display: 'flex', columnGap: tokens.spacingHorizontalS },
});
