import type { Client, Interaction } from 'discord.js';
import { handleCommand } from './commands.ts';
import { handleComponent } from './components.ts';
import type { DiscordListenerContext } from './context.ts';
import { handleDirect } from './direct.ts';
import { handleDispatch } from './events.ts';
import { handleModal } from './modals.ts';

/** Connects every inbound Discord listener; each only translates a gateway payload into a core call and renders the answer. */
export function registerListeners(client: Client, ctx: DiscordListenerContext): void {
  client.on('raw', (packet: { t?: string; d?: unknown }) => void ctx.inFlight.track(() => handleDispatch(ctx, packet)));
  client.on('interactionCreate', (interaction) => void ctx.inFlight.track(() => handleInteraction(ctx, interaction)));
}

async function handleInteraction(ctx: DiscordListenerContext, interaction: Interaction): Promise<void> {
  try {
    if (!interaction.guildId) {
      if (interaction.isButton() || interaction.isModalSubmit()) await handleDirect(ctx, interaction);
      return;
    }
    if (interaction.isChatInputCommand() && /^mlq(-|$)/.test(interaction.commandName)) await handleCommand(ctx, interaction);
    else if (interaction.isButton() || interaction.isStringSelectMenu()) await handleComponent(ctx, interaction);
    else if (interaction.isModalSubmit()) await handleModal(ctx, interaction);
  } catch (error) {
    ctx.logger.error({ platform: 'discord', err: error, reason: (error as Error).message }, 'a Discord interaction failed');
  }
}
