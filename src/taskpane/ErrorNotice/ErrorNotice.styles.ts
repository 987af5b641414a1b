import { makeStyles, tokens } from '@fluentui/react-components';

export const useErrorNoticeStyles = makeStyles({
  detail: { display: 'block', color: tokens.colorNeutralForeground3, marginTop: tokens.spacingVerticalXXS },
});
