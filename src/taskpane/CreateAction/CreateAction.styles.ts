import { makeStyles, tokens } from '@fluentui/react-components';

export const useCreateActionStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, alignItems: 'flex-start' },
});
