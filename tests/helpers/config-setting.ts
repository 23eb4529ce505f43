import { findSetting } from '../../src/core/commands/config-settings.ts';
import type { ChannelSettings } from '../../src/core/types.ts';
import { BASE_SETTINGS } from './channel-settings.ts';

/** Parses a value of a setting as `/mlq config <name> <value>` does after the name. */
export const set = (name: string, value: string) => findSetting(name)!.value.safeParse(value);
/** The first sentence a refused value gets, or undefined when it is taken. */
export const why = (name: string, value: string) => set(name, value).error?.issues[0]?.message;
/** How `/mlq config` shows a setting for the base settings with `change` applied. */
export const show = (name: string, change: Partial<ChannelSettings>) => findSetting(name)!.show({ ...BASE_SETTINGS, ...change });
