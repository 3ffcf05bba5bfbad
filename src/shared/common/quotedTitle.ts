// A title inside Chinese quotation marks, as documents print it.

/**
 * A title inside “”: quotation marks already in it become the inner ‘’ (2026年“能力作风建设年”活动
 * → “2026年‘能力作风建设年’活动”), and a title that is wholly quoted is not quoted twice.
 */
export function quotedTitle(title: string): string {
  const whole = /^[“"]([^“”"]*)[”"]$/.exec(title);
  const bare = whole ? whole[1] : title;
  return `“${bare.replace(/“/g, '‘').replace(/”/g, '’')}”`;
}
