import { DiscordAPIError, PermissionFlagsBits, type REST, Routes } from 'discord.js';
import type { ChampionRoleResult } from '../../core/port.ts';

/** Discord's "Missing Permissions" (no Manage Roles, or the role sits above the bot's highest role). */
const MISSING_PERMISSIONS = 50013;
/** "Unknown Member": a champion who left the server meanwhile. */
const UNKNOWN_MEMBER = 10007;

interface Role {
  id: string;
  permissions: string;
  position: number;
}

/**
 * Whether the bot may give `roleId` in the guild: Manage Roles (or Administrator) from its roles and @everyone, and
 * its highest role above the champion role, as Discord requires. Read with three REST calls at each season's end.
 */
async function mayManage(rest: REST, guild: string, role: Role, roles: Role[]): Promise<boolean> {
  const me = (await rest.get(Routes.user())) as { id: string };
  const member = (await rest.get(Routes.guildMember(guild, me.id))) as { roles: string[] };
  const mine = roles.filter((r) => r.id === guild || member.roles.includes(r.id));
  const permissions = mine.reduce((bits, r) => bits | BigInt(r.permissions), 0n);
  const allowed = (permissions & (PermissionFlagsBits.ManageRoles | PermissionFlagsBits.Administrator)) !== 0n;
  return allowed && Math.max(...mine.map((r) => r.position)) > role.position;
}

/** Moves the champion role: taken from the previous champions, given to the new ones (Discord user ids). */
export async function moveChampionRole(
  rest: REST,
  guild: string,
  roleId: string,
  add: string[],
  remove: string[],
): Promise<ChampionRoleResult> {
  const roles = (await rest.get(Routes.guildRoles(guild))) as Role[];
  const role = roles.find((r) => r.id === roleId);
  if (!role) return 'no-role';
  if (!(await mayManage(rest, guild, role, roles))) return 'no-permission';
  const change = async (user: string, give: boolean) => {
    const route = Routes.guildMemberRole(guild, user, roleId);
    await (give ? rest.put(route) : rest.delete(route)).catch((error: unknown) => {
      if (error instanceof DiscordAPIError && error.code === UNKNOWN_MEMBER) return;
      throw error;
    });
  };
  try {
    for (const user of remove.filter((u) => !add.includes(u))) await change(user, false);
    for (const user of add) await change(user, true);
  } catch (error) {
    if (error instanceof DiscordAPIError && error.code === MISSING_PERMISSIONS) return 'no-permission';
    throw error;
  }
  return 'done';
}
