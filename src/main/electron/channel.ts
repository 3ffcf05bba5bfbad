// The one IPC channel between the preload bridge and the main process (defined in shared code so
// the preload and main agree by construction).
export { API_CHANNEL } from '../../shared/operationNames';
