import { makeStyles, tokens } from '@fluentui/react-components';

export const useContactChooserStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, paddingLeft: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  choice: { justifyContent: 'flex-start', textAlign: 'start' },
});
