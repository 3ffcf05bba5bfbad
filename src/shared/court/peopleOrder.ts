// The order of a court's 人员 list, the one place it is defined: by rank (职务), then by the
// pinyin of the name. A title may hold several posts ('党组书记、院长'): the highest counts. Within
// one post the most specific word decides ('副庭长' is not '庭长', '执行局局长' is not '局长').

/** Posts from the highest down; a title with none of them comes last. */
export const RANK_ORDER: readonly string[] = [
  '院长',
  '党组书记',
  '常务副院长',
  '副院长',
  '审判委员会专职委员',
  '专职委员',
  '纪检组长',
  '政治部主任',
  '执行局局长',
  '庭长',
  '局长',
  '大队长',
  '主任',
  '副庭长',
  '副局长',
  '副大队长',
  '副主任',
  '科长',
  '审判员',
  '法官助理',
  '书记员',
  '司法警察',
];

/** Checked longest first, so the most specific post a title names is the one it is ranked by. */
const BY_LENGTH = RANK_ORDER.map((word, rank) => ({ word, rank })).sort((a, b) => b.word.length - a.word.length);

/** The rank of a 职务 (0 is the highest); RANK_ORDER.length when it names no known post. */
export function rankOfTitle(title: string): number {
  let best = RANK_ORDER.length;
  for (const part of title.split(/[、，,；;／/\s]+/)) {
    const found = BY_LENGTH.find(({ word }) => part.includes(word));
    if (found && found.rank < best) best = found.rank;
  }
  return best;
}

/** Chinese names by pinyin (full ICU, in Node and Chromium alike). */
export const pinyinCollator = new Intl.Collator('zh-CN');

/** Compares two people: rank first, then the name by pinyin, then the title. */
export function comparePeople(a: { name: string; title: string }, b: { name: string; title: string }): number {
  return (
    rankOfTitle(a.title) - rankOfTitle(b.title) ||
    pinyinCollator.compare(a.name, b.name) ||
    pinyinCollator.compare(a.title, b.title)
  );
}
