import type { z } from 'zod';
import { accountChannels } from './accounts';
import { activityChannels } from './activities';
import { procedureChannels } from './procedures';
import { hearingChannels } from './hearings';
import { holidayChannels } from './holidays';
import { calendarChannels } from './calendar';
import { taskChannels } from './tasks';
import { workChannels } from './work';
import { auditChannels } from './audit';
import { authChannels } from './auth';
import { beneficiaryChannels } from './beneficiaries';
import { caseChannels } from './cases';
import { documentChannels } from './documents';
import type { ChannelName } from './channel-names';
import type { ChannelDef } from './define';
import { registryChannels } from './registry';
import { settingsChannels } from './settings';
import { setupChannels } from './setup';
import { storeCheckChannels } from './store-check';
import { backupChannels } from './backup';
import { restoreChannels } from './restore';
import { recoveryChannels } from './recovery';
import { partnerChannels } from './partners';
import { referralChannels } from './referrals';

/** The whole IPC contract: one entry per `domain:action` channel. */
export const contract = {
  ...setupChannels,
  ...authChannels,
  ...accountChannels,
  ...settingsChannels,
  ...auditChannels,
  ...beneficiaryChannels,
  ...caseChannels,
  ...activityChannels,
  ...procedureChannels,
  ...holidayChannels,
  ...calendarChannels,
  ...hearingChannels,
  ...taskChannels,
  ...workChannels,
  ...registryChannels,
  ...documentChannels,
  ...storeCheckChannels,
  ...backupChannels,
  ...restoreChannels,
  ...recoveryChannels,
  ...partnerChannels,
  ...referralChannels,
} satisfies Record<ChannelName, ChannelDef>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
// Compile-time proof that the preload's name list and the contract hold the same channels.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const channelNamesMatchContract: Same<ChannelName, Channel> = true;

export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

export { CHANNEL_NAMES, type ChannelName } from './channel-names';
export * from './errors';
export type { Access, ChannelDef } from './define';
