import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';
import { commonText } from './common/text';

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

/**
 * Mantine's palettes with shades 6–9 darkened (hue kept) so that coloured text, light badges
 * (shade on its tint) and white on filled badges reach 4.5:1: Mantine's own red.8 is 4.4:1 on
 * white, teal.8 under white text 3.9:1, yellow.9 3.0:1. Shades 0–5 (tints, borders) are Mantine's.
 */
const readable: Record<string, MantineColorsTuple> = {
  gray: ['#f8f9fa', '#f1f3f5', '#e9ecef', '#dee2e6', '#ced4da', '#adb5bd', '#6c747d', '#495057', '#343a40', '#212529'],
  red: ['#fff5f5', '#ffe3e3', '#ffc9c9', '#ffa8a8', '#ff8787', '#ff6b6b', '#e90707', '#d61111', '#c51e1e', '#b22525'],
  pink: ['#fff0f6', '#ffdeeb', '#fcc2d7', '#faa2c1', '#f783ac', '#f06595', '#de1e61', '#c72860', '#be245a', '#a61e4d'],
  grape: ['#f8f0fc', '#f3d9fa', '#eebefa', '#e599f7', '#da77f2', '#cc5de8', '#b636d7', '#a636c2', '#9a35b3', '#862e9c'],
  violet: [
    '#f3f0ff',
    '#e5dbff',
    '#d0bfff',
    '#b197fc',
    '#9775fa',
    '#845ef7',
    '#7950f2',
    '#7048e8',
    '#6741d9',
    '#5f3dc4',
  ],
  indigo: [
    '#edf2ff',
    '#dbe4ff',
    '#bac8ff',
    '#91a7ff',
    '#748ffc',
    '#5c7cfa',
    '#4266f4',
    '#3b5dea',
    '#3757da',
    '#364fc7',
  ],
  blue: ['#e7f5ff', '#d0ebff', '#a5d8ff', '#74c0fc', '#4dabf7', '#339af0', '#1776c9', '#186ebb', '#1766b0', '#175fa2'],
  cyan: ['#e3fafc', '#c5f6fa', '#99e9f2', '#66d9e8', '#3bc9db', '#22b8cf', '#107f8f', '#0c7585', '#0a6e7f', '#0a6677'],
  teal: ['#e6fcf5', '#c3fae8', '#96f2d7', '#63e6be', '#38d9a9', '#20c997', '#0d835f', '#097b59', '#077352', '#07694c'],
  green: ['#ebfbee', '#d3f9d8', '#b2f2bb', '#8ce99a', '#69db7c', '#51cf66', '#2b833b', '#267b35', '#227331', '#21692f'],
  lime: ['#f4fce3', '#e9fac8', '#d8f5a2', '#c0eb75', '#a9e34b', '#94d82d', '#538013', '#4a760e', '#44700a', '#406709'],
  yellow: [
    '#fff9db',
    '#fff3bf',
    '#ffec99',
    '#ffe066',
    '#ffd43b',
    '#fcc419',
    '#986b03',
    '#946000',
    '#945600',
    '#8f4a00',
  ],
  orange: [
    '#fff4e6',
    '#ffe8cc',
    '#ffd8a8',
    '#ffc078',
    '#ffa94d',
    '#ff922b',
    '#bb5602',
    '#b44b05',
    '#ab4209',
    '#a7370c',
  ],
};

const fontFamily =
  '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif';

export const theme = createTheme({
  primaryColor: 'court',
  primaryShade: 8,
  colors: { ...readable, court },
  fontFamily,
  headings: { fontFamily, fontWeight: '600' },
  defaultRadius: 'sm',
  // A visible ring on whatever the keyboard focuses (never on a mouse click), in the court blue.
  focusRing: 'auto',
  // Windows' "show animations" switched off (prefers-reduced-motion) opens dialogs, drawers and
  // menus at once instead of sliding them in.
  respectReducedMotion: true,
  components: {
    // Every close button (dialogs, drawers, notifications, cleared fields) says what it does.
    CloseButton: { defaultProps: { 'aria-label': commonText.close } },
    Modal: {
      defaultProps: { centered: true, overlayProps: { backgroundOpacity: 0.35 } },
      styles: { title: { fontSize: 18, fontWeight: 600 } },
    },
    Notification: { defaultProps: { withBorder: true } },
    // A closed list is not kept in the page: a screen with several filters would otherwise build
    // and position every hidden option list on each visit (about a tenth of the checklist's first render).
    Select: { defaultProps: { comboboxProps: { keepMounted: false } } },
  },
});

/**
 * Mantine's dimmed text (captions, hints, secondary lines) is gray.6, 3.3:1 on white: below the
 * 4.5:1 text needs. One darker grey here, for every use: 5.6:1 on white, 5.2:1 on the page's
 * #f4f6f9. The placeholder grey follows it.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': '#616971', '--mantine-color-placeholder': '#6b7280' },
  dark: {},
});
