import { makeStyles, tokens } from '@fluentui/react-components';

export const useContactFolderPickerStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  create: { alignSelf: 'flex-start' },
});
