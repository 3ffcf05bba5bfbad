// Control characters (C0 U+0000–U+001F, DEL, C1 U+007F–U+009F): one definition for the API's input
// rule (src/shared/common/schemas.ts: removed from typed text, refused in exact values) and for the rows every
// court writes and accepts (src/main/data/rowSchemas.ts: tab and line feed only in multi-line text).

/** C0 controls other than \t and \n, DEL and C1 controls: never in stored text. */
// eslint-disable-next-line no-control-regex -- matching control characters is this module's purpose
const STRAY_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const STRAY_CONTROLS = new RegExp(STRAY_CONTROL.source, 'g');
// eslint-disable-next-line no-control-regex -- matching control characters is this module's purpose
const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Text of several lines: line ends become \n, other control characters (but \t) are removed. */
export function cleanParagraphs(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(STRAY_CONTROLS, '');
}

/** A one-line text (a title, a name): as cleanParagraphs, then tabs and line breaks become spaces. */
export function cleanLine(value: string): string {
  return cleanParagraphs(value).replace(/[\t\n]/g, ' ');
}

/** Any control character at all: refused in one-line text and in values that must stay exact. */
export function hasControlCharacters(value: string): boolean {
  return ANY_CONTROL.test(value);
}

/** A control character multi-line text may not hold (anything but \t and \n). */
export function hasStrayControls(value: string): boolean {
  return STRAY_CONTROL.test(value);
}
