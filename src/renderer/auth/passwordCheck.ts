// Checks a new password before it is sent, with the contract's own rule (8+ characters, letters
// and digits), and that the confirmation matches; the messages land on the two fields.
import { newPassword } from '../../shared/api';
import type { FieldErrors } from '../lib/forms';
import { authText as t } from './text';

export function newPasswordErrors(
  password: string,
  confirm: string,
  fields: { password: string; confirm: string },
): FieldErrors {
  const errors: FieldErrors = {};
  const parsed = newPassword.safeParse(password);
  if (!parsed.success) errors[fields.password] = parsed.error.issues[0]?.message ?? t.passwordRule;
  if (!confirm) errors[fields.confirm] = t.required(t.confirmPasswordShort);
  else if (parsed.success && confirm !== password) errors[fields.confirm] = t.passwordMismatch;
  return errors;
}
