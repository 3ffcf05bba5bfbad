// Who is logged in on each caller (an Electron window, the preview page, a test, the command
// line). Only the user id is kept; the account is re-read on every call so that a role change,
// a disabled account or a password reset takes effect at once.
export class SessionStore {
  private readonly byCaller = new Map<string, string>();

  userIdOf(caller: string): string | null {
    return this.byCaller.get(caller) ?? null;
  }

  logIn(caller: string, userId: string): void {
    this.byCaller.set(caller, userId);
  }

  logOut(caller: string): void {
    this.byCaller.delete(caller);
  }

  /** Ends every session of one account (disabled, or its password reset by an administrator). */
  endAllFor(userId: string): void {
    for (const [caller, id] of this.byCaller) if (id === userId) this.byCaller.delete(caller);
  }
}
