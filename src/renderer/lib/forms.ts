// Form helpers: the shared zod schemas give messages at the field before anything is sent, and
// the server's fieldErrors (dotted input paths) land on the same fields afterwards.
import type { z } from 'zod';

export type FieldErrors = Record<string, string>;

/** Validates with a contract schema; returns per-field messages keyed by dotted path, or null. */
export function schemaErrors(schema: z.ZodType, input: unknown, stripPrefix = ''): FieldErrors | null {
  const parsed = schema.safeParse(input);
  if (parsed.success) return null;
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    let key = issue.path.map(String).join('.') || '_';
    if (stripPrefix && key.startsWith(stripPrefix)) key = key.slice(stripPrefix.length);
    errors[key] ??= issue.message;
  }
  return errors;
}

/** Server fieldErrors with an optional leading path (e.g. "profile.") removed. */
export function serverFieldErrors(fieldErrors: Record<string, string> | undefined, stripPrefix = ''): FieldErrors {
  const errors: FieldErrors = {};
  for (const [key, message] of Object.entries(fieldErrors ?? {})) {
    errors[stripPrefix && key.startsWith(stripPrefix) ? key.slice(stripPrefix.length) : key] = message;
  }
  return errors;
}

/** Whether any of the messages belongs to one of the form's own fields. */
export function touchesFields(errors: FieldErrors, fields: readonly string[]): boolean {
  return Object.keys(errors).some((key) => fields.includes(key.split('.')[0]));
}

export const trimOrEmpty = (value: string | null | undefined) => (value ?? '').trim();
