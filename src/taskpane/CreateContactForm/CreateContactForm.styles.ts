import { makeStyles, tokens } from '@fluentui/react-components';

export const useCreateContactFormStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  buttons: { display: 'flex', columnGap: tokens.spacingHorizontalS },
});
