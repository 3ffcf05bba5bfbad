// The supervision-notes area of the operation table (督导意见): a higher court's notes on a
// subordinate's work, read at both ends. The service is in supervisionNotes.ts.
import type { supervisionOperations } from '../../shared/supervision/supervisionContract';
import type { AreaHandlers } from '../api/handlerTypes';
import { addNote, deleteNote, listNotes, markNotesRead, unreadNotes } from './supervisionNotes';

/** Exactly the operations of src/shared/supervision/supervisionContract.ts. */
export type SupervisionOperation = keyof typeof supervisionOperations;

export const supervisionHandlers: AreaHandlers<SupervisionOperation> = {
  'supervision.list': (ctx, input) => listNotes(ctx, input),
  'supervision.add': (ctx, input) => addNote(ctx, input),
  'supervision.delete': (ctx, input) => deleteNote(ctx, input),
  'supervision.unread': (ctx) => unreadNotes(ctx),
  'supervision.markRead': (ctx, input) => markNotesRead(ctx, input),
};
