// The submit steps every form shares: check the input against the operation's own contract
// schema, and only send it when that passes. Field messages (local or from the server) land on
// the form; the caller decides how to show the returned failure.
import { operations, type Input, type OperationName, type Result, type Results } from '../../shared/api';
import { useWrite } from '../api/queries';
import { schemaErrors, serverFieldErrors, type FieldErrors } from './forms';

/**
 * A form's submit as a write of the query layer: `submit(input)` checks locally, sends, puts
 * field messages on the form and refreshes every read on success; `isPending` is the form's
 * saving state.
 */
export function useCheckedWrite<K extends OperationName>(
  name: K,
  form: { setErrors(errors: FieldErrors): void },
  localMessage: string,
  stripPrefix = '',
) {
  const write = useWrite(name);
  const submit = async (input: Input<K>): Promise<Result<Results[K]>> => {
    const local = schemaErrors(operations[name], input, stripPrefix);
    if (local) {
      form.setErrors(local);
      return { ok: false, code: 'E_INVALID', message: localMessage, fieldErrors: local };
    }
    const result = await write.mutateAsync(input);
    if (!result.ok) form.setErrors(serverFieldErrors(result.fieldErrors, stripPrefix));
    return result;
  };
  return { submit, isPending: write.isPending };
}
