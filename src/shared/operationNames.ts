// The names of the API operations and the bridge's place on `window`, for the preload scripts.
// The names are read from the contract's table, so a new operation reaches both bridges by itself.
// The preloads therefore bundle the schemas and the part of zod they use (about 0.2 MB); the
// Electron preload still requires nothing but electron (tests/node/electronSecurity.test.ts).
import { operationTable, type OperationName } from './operationTable';

export type { OperationName };

export const OPERATION_NAMES = Object.freeze(Object.keys(operationTable)) as readonly OperationName[];

/** The bridge that each transport installs on `window` under this name. */
export const BRIDGE_GLOBAL = 'courtApi';

/** The one Electron IPC channel between the preload bridge and the main process. */
export const API_CHANNEL = 'court-api:call';
