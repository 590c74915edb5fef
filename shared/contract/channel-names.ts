/**
 * The channel names alone, without their schemas, so the preload bundle stays tiny.
 * `contract` in ./index must hold exactly these (checked at compile time there).
 */
export const CHANNEL_NAMES = [
  'setup:status',
  'setup:initialize',
  'auth:session',
  'auth:login',
  'auth:recover',
  'auth:unlock',
  'auth:signOut',
  'auth:lock',
  'auth:activity',
  'auth:changePassword',
  'auth:setLanguage',
  'accounts:list',
  'accounts:create',
  'accounts:deactivate',
  'accounts:reactivate',
  'accounts:resetPassword',
  'settings:get',
  'settings:update',
  'audit:list',
  'audit:verify',
] as const;
export type ChannelName = (typeof CHANNEL_NAMES)[number];
