/** IPC channel names, shared by the main-process transport and the preload. */
export const ipcChannel = (method: string) => `kiosk:${method}`;
export const IPC_EVENT_CHANNEL = 'kiosk:event';
