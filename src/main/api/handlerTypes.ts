// The shape of the operation table, so each area (checklist, inspection, ledger, …) can export
// its part of it and handlers.ts can check that together they cover every operation once.
import type { OperationName, ParsedInput, Results } from '../../shared/api';
import type { ServiceContext } from './context';

export type Handler<K extends OperationName> = (ctx: ServiceContext, input: ParsedInput<K>) => Promise<Results[K]>;
export type Handlers = { [K in OperationName]: Handler<K> };
/** The handlers of one area: exactly the listed operations. */
export type AreaHandlers<K extends OperationName> = { [P in K]: Handler<P> };
