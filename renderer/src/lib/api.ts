import type { Channel, ChannelInput, ChannelOutput, Result } from '../../../shared/contract';
import type { AppErrorShape } from '../../../shared/contract/errors';
import type { ClinicApi } from '../../../shared/contract/bridge';
import type { ClinicDesktop } from '../../../shared/contract/desktop';

declare global {
  interface Window {
    /** Defined by the preload (Electron) or the preview's init script: typed wrappers only. */
    readonly clinic: ClinicApi;
    /** The desktop build's pickers (electron/preload.ts); absent in the browser preview. */
    readonly clinicDesktop?: ClinicDesktop;
  }
}

export class ApiError extends Error {
  constructor(readonly error: AppErrorShape) {
    super(error.message);
  }
}

/** Calls a channel through `window.clinic` and returns its value, or throws an ApiError. */
export async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const [domain, action] = channel.split(':') as [string, string];
  const group = (window.clinic as unknown as Record<string, Record<string, (i: unknown) => Promise<Result<unknown>>>>)[domain];
  const fn = group?.[action];
  if (!fn) throw new ApiError({ code: 'UNKNOWN_CHANNEL', message: channel });
  const result = await fn(input);
  if (!result.ok) {
    if (result.error.code === 'LOCKED' || result.error.code === 'UNAUTHENTICATED') lockListeners.forEach((l) => l());
    throw new ApiError(result.error);
  }
  return result.value as ChannelOutput<C>;
}

const lockListeners = new Set<() => void>();
/** The app listens here: any call answered LOCKED or UNAUTHENTICATED re-reads the session. */
export function onSessionLost(listener: () => void): () => void {
  lockListeners.add(listener);
  return () => lockListeners.delete(listener);
}

/** A call ended every session on purpose (a restore replaced the clinic): the app reads the session again. */
export function announceSessionLost(): void {
  lockListeners.forEach((l) => l());
}
