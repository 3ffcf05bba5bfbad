// Supervision notes (督导意见) a higher court writes on a subordinate's work. Plain data that
// crosses the process boundary.

/**
 * How a note stands to the court reading it:
 * - written: this court wrote it (on a court below; only this court may withdraw it);
 * - received: a superior addressed it to this court (read and acted on here);
 * - superior: a superior wrote it about a court below this one, seen on the way (read-only);
 * - subordinate: a court below wrote it about a court below it, seen in its report up (read-only).
 */
export type NoteRelation = 'written' | 'received' | 'superior' | 'subordinate';

export interface SupervisionNote {
  id: string;
  origin: string;
  /** The writing court's name (its code when the name is not held). */
  originName: string;
  version: number;
  campaignId: string;
  courtCode: string;
  /** The name of the court the note is about (its code when the name is not held). */
  courtName: string;
  itemId: string | null;
  itemTitle: string | null;
  kind: 'comment' | 'supervision';
  author: string;
  text: string;
  createdAt: string;
  updatedAt: string;
  relation: NoteRelation;
  /** A received note: when someone at this court read it (null: unread). Null for the others. */
  readAt: string | null;
  /** A received note: the display name of whoever read it. */
  readBy: string | null;
}

/** A received note nobody at this court has read yet, for 我的待办 and 本院挂图. */
export interface UnreadNote extends SupervisionNote {
  campaignTitle: string;
}
