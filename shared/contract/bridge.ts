import type { Channel, ChannelInput, ChannelOutput, Result } from './index';

/** `window.clinic`: one typed function per channel, grouped by domain (`clinic.auth.login(...)`). */
export type ClinicApi = {
  [D in Channel as D extends `${infer Domain}:${string}` ? Domain : never]: {
    [C in Channel as C extends `${D & string}:${infer Action}` ? Action : never]: (
      input: ChannelInput<C>,
    ) => Promise<Result<ChannelOutput<C>>>;
  };
};

/**
 * Builds the `window.clinic` object from the channel names and a transport. The preload
 * (ipcRenderer.invoke per channel) and the preview (a Playwright binding) both use it, so
 * the renderer sees the same object either way. Self-contained on purpose: the preview
 * serializes it into the page as an init script.
 */
export function buildClinicApi(
  names: readonly string[],
  invoke: (channel: string, input: unknown) => Promise<unknown>,
): Record<string, Record<string, (input: unknown) => Promise<unknown>>> {
  const api: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
  for (const name of names) {
    const [domain, action] = name.split(':') as [string, string];
    const group = (api[domain] ??= {});
    group[action] = (input: unknown) => invoke(name, input ?? {});
  }
  for (const group of Object.values(api)) Object.freeze(group);
  return Object.freeze(api);
}
