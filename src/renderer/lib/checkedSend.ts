// The submit steps every form shares: check the input against the operation's own contract
// schema, and only send it when that passes. Field messages (local or from the server) land on
// the form; the caller keeps its saving flag and decides how to show the returned failure.
import { operations, type Input, type OperationName, type Result, type Results } from '../../shared/api';
import { send } from '../api/client';
import { schemaErrors, serverFieldErrors, type FieldErrors } from './forms';

/**
 * Validates `input` against `operations[name]`; when that fails, sets the messages on the form
 * and returns `{ ok: false, code: 'E_INVALID', message: localMessage }` without sending.
 * Otherwise sends, and on a refusal sets the server's field messages (with `stripPrefix`
 * removed) on the form before returning the result. Forms that show local problems only at
 * the fields pass '' as `localMessage`.
 */
export async function checkedSend<K extends OperationName>(
  name: K,
  input: Input<K>,
  form: { setErrors(errors: FieldErrors): void },
  localMessage: string,
  stripPrefix = '',
): Promise<Result<Results[K]>> {
  const local = schemaErrors(operations[name], input, stripPrefix);
  if (local) {
    form.setErrors(local);
    return { ok: false, code: 'E_INVALID', message: localMessage, fieldErrors: local };
  }
  const result = await send(name, input);
  if (!result.ok) form.setErrors(serverFieldErrors(result.fieldErrors, stripPrefix));
  return result;
}
