import { createTheme, type MantineColorsTuple } from '@mantine/core';

// A calm government-office blue.
const court: MantineColorsTuple = [
  '#eef3fa',
  '#dce4f1',
  '#b5c7e3',
  '#8ba8d5',
  '#6a8ec9',
  '#557ec2',
  '#4976c0',
  '#3a64a9',
  '#305898',
  '#1f4b87',
];

const fontFamily =
  '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif';

export const theme = createTheme({
  primaryColor: 'court',
  primaryShade: 8,
  colors: { court },
  fontFamily,
  headings: { fontFamily, fontWeight: '600' },
  defaultRadius: 'sm',
  components: {
    Modal: {
      defaultProps: { centered: true, overlayProps: { backgroundOpacity: 0.35 } },
      styles: { title: { fontSize: 18, fontWeight: 600 } },
    },
    Notification: { defaultProps: { withBorder: true } },
  },
});
